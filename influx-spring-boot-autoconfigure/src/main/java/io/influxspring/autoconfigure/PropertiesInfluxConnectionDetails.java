package io.influxspring.autoconfigure;

import org.jspecify.annotations.Nullable;

/** {@link InfluxConnectionDetails} read from {@link InfluxProperties}. */
final class PropertiesInfluxConnectionDetails implements InfluxConnectionDetails {

	private final InfluxProperties properties;

	PropertiesInfluxConnectionDetails(InfluxProperties properties) {
		this.properties = properties;
	}

	@Override
	public String getUrl() {
		String url = this.properties.getUrl();
		if (url == null || url.isBlank()) {
			throw new InfluxConfigurationException("influx.url", null, "The URL of the InfluxDB server is required",
					"Set influx.url to the server's base URL, e.g. http://localhost:8086.");
		}
		return url;
	}

	@Override
	public @Nullable String getToken() {
		return this.properties.getToken();
	}

	@Override
	public @Nullable String getUsername() {
		return this.properties.getUsername();
	}

	@Override
	public @Nullable String getPassword() {
		return this.properties.getPassword();
	}

	@Override
	public @Nullable String getOrg() {
		return this.properties.getOrg();
	}

	@Override
	public @Nullable String getOrgId() {
		return this.properties.getOrgId();
	}

	@Override
	public @Nullable String getBucket() {
		return this.properties.getBucket();
	}

	@Override
	public @Nullable String getDatabase() {
		return this.properties.getDatabase();
	}

}
