package clinic.relief.painmap;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Loads and validates the knowledge base once at start-up (a broken resource stops the app with a message naming
 * the id) and shares one thread-safe {@link PainFinder}.
 */
@Configuration(proxyBeanMethods = false)
class PainFinderConfiguration {

    @Bean
    KnowledgeBase knowledgeBase() {
        return KnowledgeBase.load();
    }

    @Bean
    PainFinder painFinder(KnowledgeBase knowledgeBase) {
        return new PainFinder(knowledgeBase);
    }
}
