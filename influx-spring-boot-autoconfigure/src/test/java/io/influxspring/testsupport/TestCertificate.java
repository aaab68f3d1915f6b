package io.influxspring.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A self-signed certificate for 127.0.0.1 and localhost, made with {@code openssl} in a temp
 * directory, as PEM files for a server and as an {@link SSLContext} that trusts it.
 */
public final class TestCertificate {

	private final Path certificateFile;

	private final Path privateKeyFile;

	private TestCertificate(Path certificateFile, Path privateKeyFile) {
		this.certificateFile = certificateFile;
		this.privateKeyFile = privateKeyFile;
	}

	/** Generates a new certificate and key valid for two days. */
	public static TestCertificate generate() {
		try {
			Path dir = Files.createTempDirectory("test-certificate-");
			dir.toFile().deleteOnExit();
			Path certificate = dir.resolve("cert.pem");
			Path key = dir.resolve("key.pem");
			Process openssl = new ProcessBuilder("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout",
					key.toString(), "-out", certificate.toString(), "-days", "2", "-subj", "/CN=localhost", "-addext",
					"subjectAltName=IP:127.0.0.1,DNS:localhost")
				.redirectErrorStream(true)
				.redirectOutput(dir.resolve("openssl.log").toFile())
				.start();
			if (!openssl.waitFor(60, TimeUnit.SECONDS) || openssl.exitValue() != 0) {
				throw new IllegalStateException("openssl failed: " + Files.readString(dir.resolve("openssl.log")));
			}
			certificate.toFile().deleteOnExit();
			key.toFile().deleteOnExit();
			return new TestCertificate(certificate, key);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot generate a test certificate (is openssl installed?)", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	public Path certificateFile() {
		return this.certificateFile;
	}

	public Path privateKeyFile() {
		return this.privateKeyFile;
	}

	/** An SSL context that trusts this certificate only. */
	public SSLContext sslContext() {
		try (InputStream in = Files.newInputStream(this.certificateFile)) {
			Certificate certificate = CertificateFactory.getInstance("X.509").generateCertificate(in);
			KeyStore trustStore = KeyStore.getInstance(KeyStore.getDefaultType());
			trustStore.load(null, null);
			trustStore.setCertificateEntry("test", certificate);
			TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
			trust.init(trustStore);
			SSLContext context = SSLContext.getInstance("TLS");
			context.init(null, trust.getTrustManagers(), null);
			return context;
		}
		catch (Exception ex) {
			throw new IllegalStateException("Cannot build an SSL context for the test certificate", ex);
		}
	}

}
