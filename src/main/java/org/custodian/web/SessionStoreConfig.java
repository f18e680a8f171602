package org.custodian.web;

import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.session.jdbc.config.annotation.SpringSessionDataSource;
import org.springframework.session.jdbc.config.annotation.SpringSessionTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Sessions live in PostgreSQL (stateless nodes), and every request moves a session's last-access
 * time. That write need not wait for the disk: after a crash a session is at worst logged off a
 * little early. So sessions get a small pool of their own with asynchronous commit, leaving every
 * clinical and audit commit fully durable. Neither bean is a default candidate, so the application's
 * own DataSource and transaction manager stay as Spring Boot configures them.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class SessionStoreConfig {

    @Bean(defaultCandidate = false, destroyMethod = "close")
    @SpringSessionDataSource
    HikariDataSource sessionDataSource(@Value("${spring.datasource.url}") String url,
                                       @Value("${spring.datasource.username:}") String user,
                                       @Value("${spring.datasource.password:}") String password) {
        HikariDataSource pool = new HikariDataSource();
        pool.setPoolName("sessions");
        pool.setJdbcUrl(url);
        pool.setUsername(user);
        pool.setPassword(password);
        pool.setMaximumPoolSize(6);
        pool.setConnectionInitSql("SET synchronous_commit = off");
        pool.setInitializationFailTimeout(60_000);
        return pool;
    }

    @Bean(defaultCandidate = false)
    @SpringSessionTransactionManager
    PlatformTransactionManager sessionTransactionManager(@SpringSessionDataSource DataSource sessions) {
        return new DataSourceTransactionManager(sessions);
    }
}
