package dev.warden.e2e;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * A self-signed certificate for {@code localhost} and {@code 127.0.0.1}, made with the JDK's
 * {@code keytool}: the key store the loopback HTTPS server uses, and a trust store holding only that
 * certificate, which the child JVM is given ({@code -Djavax.net.ssl.trustStore}).
 */
public final class TestCertificate {

    public static final String PASSWORD = "changeit";
    public final Path keyStore;
    public final Path trustStore;

    private TestCertificate(Path keyStore, Path trustStore) {
        this.keyStore = keyStore;
        this.trustStore = trustStore;
    }

    public static TestCertificate create(Path dir) throws Exception {
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Path ks = dir.resolve("server.p12");
        Path cert = dir.resolve("server.crt");
        Path ts = dir.resolve("trust.p12");
        run(keytool.toString(), "-genkeypair", "-alias", "server", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=localhost", "-ext", "san=dns:localhost,ip:127.0.0.1", "-keystore", ks.toString(),
                "-storetype", "PKCS12", "-storepass", PASSWORD, "-keypass", PASSWORD);
        run(keytool.toString(), "-exportcert", "-alias", "server", "-keystore", ks.toString(), "-storepass", PASSWORD,
                "-rfc", "-file", cert.toString());
        run(keytool.toString(), "-importcert", "-noprompt", "-alias", "server", "-file", cert.toString(),
                "-keystore", ts.toString(), "-storetype", "PKCS12", "-storepass", PASSWORD);
        return new TestCertificate(ks, ts);
    }

    /** The child JVM's flags to trust this certificate. */
    public List<String> trustFlags() {
        return List.of("-Djavax.net.ssl.trustStore=" + trustStore, "-Djavax.net.ssl.trustStorePassword=" + PASSWORD,
                "-Djavax.net.ssl.trustStoreType=PKCS12");
    }

    SSLContext serverContext() throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keyStore)) {
            ks.load(in, PASSWORD.toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, PASSWORD.toCharArray());
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf.getKeyManagers(), null, null);
        return ctx;
    }

    private static void run(String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", cmd) + " failed: " + out);
        }
    }
}
