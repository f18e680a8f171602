package org.custodian.web;

import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.jdbc.config.annotation.SpringSessionDataSource;
import org.springframework.session.jdbc.config.annotation.SpringSessionTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Sessions live in PostgreSQL (stateless nodes), and every request moves a session's last-access
 * time. That write need not wait for the disk: after a crash a session is at worst logged off a
 * little early. So sessions get a small pool of their own with asynchronous commit, leaving every
 * clinical and audit commit fully durable. Neither bean is a default candidate, so the application's
 * own DataSource and transaction manager stay as Spring Boot configures them.
 * <p>
 * Nor need every request rewrite the session row: the stored last-access time moves only once it
 * is a thirtieth of the idle timeout old (30 s of 15 minutes), so a user may be signed off that much
 * early. A new session id (sign-in), principal or timeout is always written. Without this, each
 * request of one user waited for the row lock of the one before and left a dead row behind.
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

    @Bean
    SessionRepositoryCustomizer<JdbcIndexedSessionRepository> sessionRowWrittenWhenItMatters() {
        return sessions -> sessions.setUpdateSessionQuery(UPDATE_WHEN_IT_MATTERS);
    }

    /** Spring Session's update with its parameters in its order, skipping a row that would barely change. */
    static final String UPDATE_WHEN_IT_MATTERS = """
            UPDATE %TABLE_NAME% AS s
               SET SESSION_ID = v.session_id, LAST_ACCESS_TIME = v.last_access, MAX_INACTIVE_INTERVAL = v.max_inactive,
                   EXPIRY_TIME = v.expiry, PRINCIPAL_NAME = v.principal
              FROM (SELECT ?::varchar AS session_id, ?::bigint AS last_access, ?::int AS max_inactive,
                           ?::bigint AS expiry, ?::varchar AS principal) AS v
             WHERE s.PRIMARY_ID = ?
               AND (s.SESSION_ID <> v.session_id OR s.MAX_INACTIVE_INTERVAL <> v.max_inactive
                    OR s.PRINCIPAL_NAME IS DISTINCT FROM v.principal
                    OR v.last_access - s.LAST_ACCESS_TIME >= s.MAX_INACTIVE_INTERVAL * 1000 / 30)""";

    @Bean(defaultCandidate = false)
    @SpringSessionTransactionManager
    PlatformTransactionManager sessionTransactionManager(@SpringSessionDataSource DataSource sessions) {
        return new DataSourceTransactionManager(sessions);
    }
}
