package clinic.relief.system;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer;

/** The HTTP sessions kept in PostgreSQL (Spring Session JDBC). */
@Configuration(proxyBeanMethods = false)
class HttpSessions {

    /**
     * Writes a new session attribute as an upsert: two requests of one session that add the same attribute at once
     * (a form submitted twice, each leaving a flash message) both succeed instead of one breaking the primary key.
     */
    @Bean
    PostgreSqlJdbcIndexedSessionRepositoryCustomizer sessionAttributeUpserts() {
        return new PostgreSqlJdbcIndexedSessionRepositoryCustomizer();
    }
}
