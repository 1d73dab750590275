package dev.milink.testkit.tls;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Fresh 2048-bit RSA key pairs, generated ahead on a background thread. Generating one takes 100-400 ms on a
 * small machine; without spares the simulators spent that inside a {@code CREATE CERTIFICATE} or the first ARM
 * read of the endpoint certificate, which the benchmarks measured as simulator overhead on the critical path.
 * Every pair is still used once.
 */
final class SpareKeyPairs {

    private static final int SPARES = 2;
    private static final BlockingQueue<KeyPair> READY = new ArrayBlockingQueue<>(SPARES);
    private static final AtomicBoolean FILLING = new AtomicBoolean();
    private static final ExecutorService GENERATOR = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "testkit-rsa-keygen");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        return t;
    });

    static {
        refill();
    }

    private SpareKeyPairs() {
    }

    /** @return a key pair nobody else got: a spare when one is ready, else generated now */
    static KeyPair next() throws GeneralSecurityException {
        KeyPair spare = READY.poll();
        refill();
        return spare != null ? spare : generate();
    }

    private static void refill() {
        if (FILLING.compareAndSet(false, true)) {
            GENERATOR.execute(() -> {
                try {
                    while (READY.remainingCapacity() > 0) {
                        READY.offer(generate());
                    }
                } catch (GeneralSecurityException e) {
                    // No spares then: next() generates in the caller, which reports the failure.
                } finally {
                    FILLING.set(false);
                }
            });
        }
    }

    private static KeyPair generate() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }
}
