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
 * directory on first use, as PEM files for a server and as an {@link SSLContext} that trusts it.
 * Without {@code openssl} the test using it is skipped (or fails when servers are required).
 */
public final class TestCertificate {

	private Path certificateFile;

	private Path privateKeyFile;

	private TestCertificate() {
	}

	/** A certificate and key valid for two days, generated when first needed. */
	public static TestCertificate generate() {
		return new TestCertificate();
	}

	private synchronized void ensureGenerated() {
		if (this.certificateFile != null) {
			return;
		}
		Path openssl = TestServers.findBinary("openssl", "apt-get install openssl");
		try {
			Path dir = Files.createTempDirectory("test-certificate-");
			dir.toFile().deleteOnExit();
			Path certificate = dir.resolve("cert.pem");
			Path key = dir.resolve("key.pem");
			Process process = new ProcessBuilder(openssl.toString(), "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout",
					key.toString(), "-out", certificate.toString(), "-days", "2", "-subj", "/CN=localhost", "-addext",
					"subjectAltName=IP:127.0.0.1,DNS:localhost")
				.redirectErrorStream(true)
				.redirectOutput(dir.resolve("openssl.log").toFile())
				.start();
			if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
				throw new IllegalStateException("openssl failed: " + Files.readString(dir.resolve("openssl.log")));
			}
			certificate.toFile().deleteOnExit();
			key.toFile().deleteOnExit();
			this.certificateFile = certificate;
			this.privateKeyFile = key;
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
		ensureGenerated();
		return this.certificateFile;
	}

	public Path privateKeyFile() {
		ensureGenerated();
		return this.privateKeyFile;
	}

	/** An SSL context that trusts this certificate only. */
	public SSLContext sslContext() {
		try (InputStream in = Files.newInputStream(certificateFile())) {
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
