/**
 * Infrastructure shared by every module: where the database is (embedded in the data folder or
 * external by URL) and the data folder itself. No clinical logic lives here.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.custodian.platform;
