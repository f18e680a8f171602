/**
 * The command line: each picocli command starts what it needs (the database, the Spring
 * application, with or without the web server) and calls the capabilities' public APIs.
 */
package org.custodian.cli;
