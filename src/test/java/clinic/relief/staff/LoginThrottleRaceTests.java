package clinic.relief.staff;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import clinic.relief.ReliefTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The sign-in throttle under parallel guesses, with staff sign-in wired by hand around a clock the test moves and a
 * password encoder that counts its checks, on the test context's database.
 */
@ReliefTest
class LoginThrottleRaceTests {

    private static final String PASSWORD = "correct horse battery";

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Staff staff;

    @Autowired
    PasswordEncoder realEncoder;

    private final MovableClock clock = new MovableClock(Instant.parse("2026-12-14T17:00:00Z"));
    private final CountingEncoder encoder = new CountingEncoder();

    @Test
    void checksAtMostFivePasswordsOfThirtyParallelGuesses() throws Exception {
        String email = newAccount();
        ProviderManager signIn = signIn();

        List<Class<?>> outcomes = guessInParallel(signIn, email, 30);

        assertThat(encoder.checks.get()).isLessThanOrEqualTo(5);
        assertThat(encoder.allChecks.get()).isEqualTo(30);
        assertThat(outcomes).hasSize(30).containsOnly(BadCredentialsException.class, LockedException.class);
        assertThat(outcomes.stream().filter(LockedException.class::equals)).hasSizeGreaterThanOrEqualTo(25);
    }

    @Test
    void refusesTheRightPasswordAfterTheRaceUntilTheLockOutHasPassed() throws Exception {
        String email = newAccount();
        ProviderManager signIn = signIn();
        guessInParallel(signIn, email, 30);
        int checksAfterRace = encoder.checks.get();

        clock.advance(Duration.ofMinutes(14));
        assertThatThrownBy(() -> signIn.authenticate(attempt(email, PASSWORD))).isInstanceOf(LockedException.class);
        assertThat(encoder.checks.get()).isEqualTo(checksAfterRace);

        clock.advance(Duration.ofMinutes(2));
        Authentication signedIn = signIn.authenticate(attempt(email, PASSWORD));
        assertThat(signedIn.isAuthenticated()).isTrue();
    }

    @Test
    void pausesAnUnknownNameAlikeWithoutCheckingAnyPassword() throws Exception {
        String email = "nobody-" + UUID.randomUUID() + "@example.com";
        ProviderManager signIn = signIn();

        List<Class<?>> outcomes = guessInParallel(signIn, email, 30);

        assertThat(outcomes.stream().filter(LockedException.class::equals)).hasSize(25);
        assertThat(encoder.checks.get()).isZero();
        // Every attempt costs one hash comparison, paused or not, so the time taken says nothing either.
        assertThat(encoder.allChecks.get()).isEqualTo(30);
    }

    private List<Class<?>> guessInParallel(ProviderManager signIn, String email, int guesses) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Callable<Class<?>>> tasks = new ArrayList<>();
        for (int i = 0; i < guesses; i++) {
            String guess = "wrong guess " + i;
            tasks.add(() -> {
                start.await();
                try {
                    signIn.authenticate(attempt(email, guess));
                    return Authentication.class;
                } catch (AuthenticationException refused) {
                    return refused.getClass();
                }
            });
        }
        ExecutorService pool = Executors.newFixedThreadPool(guesses);
        try {
            List<Future<Class<?>>> futures = new ArrayList<>();
            for (Callable<Class<?>> task : tasks) {
                futures.add(pool.submit(task));
            }
            start.countDown();
            List<Class<?>> outcomes = new ArrayList<>();
            for (Future<Class<?>> future : futures) {
                outcomes.add(future.get());
            }
            return outcomes;
        } finally {
            pool.shutdown();
        }
    }

    /** Staff sign-in as the form login runs it: the same loader, provider and success event, the test's clock. */
    private ProviderManager signIn() {
        LoginThrottle throttle =
                new LoginThrottle(new LoginThrottleStore(jdbc), clock, 5, Duration.ofMinutes(15), realEncoder);
        DaoAuthenticationProvider provider =
                new DaoAuthenticationProvider(new StaffSignIn(new StaffStore(jdbc), throttle));
        provider.setPasswordEncoder(encoder);
        ProviderManager manager = new ProviderManager(provider);
        manager.setAuthenticationEventPublisher(new AuthenticationEventPublisher() {
            @Override
            public void publishAuthenticationSuccess(Authentication authentication) {
                throttle.on(new AuthenticationSuccessEvent(authentication));
            }

            @Override
            public void publishAuthenticationFailure(
                    AuthenticationException exception, Authentication authentication) {}
        });
        return manager;
    }

    private static UsernamePasswordAuthenticationToken attempt(String email, String password) {
        return UsernamePasswordAuthenticationToken.unauthenticated(email, password);
    }

    private String newAccount() {
        String email = "race-" + UUID.randomUUID() + "@example.com";
        staff.createOrUpdate(
                new NewStaffMember(email, "Race Test", StaffRole.OWNER, PASSWORD, null, null, null, null, false));
        return email;
    }

    /** The application's encoder, counting how many guesses it compares with a stored account's own hash. */
    private final class CountingEncoder implements PasswordEncoder {

        final AtomicInteger checks = new AtomicInteger();
        final AtomicInteger allChecks = new AtomicInteger();

        @Override
        public String encode(CharSequence rawPassword) {
            return realEncoder.encode(rawPassword);
        }

        @Override
        public boolean matches(CharSequence rawPassword, String encodedPassword) {
            allChecks.incrementAndGet();
            if (jdbc.sql("select count(*) from staff_account where password_hash = :hash")
                            .param("hash", encodedPassword)
                            .query(Integer.class)
                            .single()
                    > 0) {
                checks.incrementAndGet();
            }
            return realEncoder.matches(rawPassword, encodedPassword);
        }
    }

    private static final class MovableClock extends Clock {

        private volatile Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
