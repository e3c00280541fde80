package io.vscanpoc.cli.options;

import com.beust.jcommander.Parameter;
import io.vscanpoc.cli.UsageException;
import java.net.URI;
import java.net.URISyntaxException;

/** Which API to talk to: the real vscan.dev (the default), another URL, or the built-in simulator. */
public final class TargetOptions {

    public static final String DEFAULT_API_URL = "https://vscan.dev/api/extensions";

    @Parameter(names = "--simulate", description = "Run against the built-in vscan.dev simulator on 127.0.0.1 (offline)")
    public boolean simulate;

    @Parameter(names = "--api-url", description = "Base URL of the API; plain http is accepted only for loopback")
    public String apiUrl;

    public void validate() {
        if (simulate && apiUrl != null) {
            throw new UsageException("--simulate and --api-url cannot be used together (the simulator has its own URL)");
        }
        if (apiUrl != null) {
            apiUri();
        }
    }

    /** The API URL, syntax-checked only; the client enforces https for non-loopback hosts. */
    public URI apiUri() {
        String text = apiUrl != null ? apiUrl : DEFAULT_API_URL;
        try {
            URI uri = new URI(text);
            if (uri.getScheme() == null || uri.getHost() == null) {
                throw new UsageException("--api-url must be an absolute http(s) URL with a host, got '" + text + "'");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new UsageException("--api-url is not a valid URL: '" + text + "'");
        }
    }
}
