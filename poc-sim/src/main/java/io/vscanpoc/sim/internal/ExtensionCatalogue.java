package io.vscanpoc.sim.internal;

import io.vscanpoc.sim.SimulatorConfig;
import java.util.Locale;

/** Which extensions exist, and which the server had analysed before the simulator started. */
public final class ExtensionCatalogue {

    private final SimulatorConfig config;

    public ExtensionCatalogue(SimulatorConfig config) {
        this.config = config;
    }

    /** The case-folded ID, the key of everything the server keeps per extension. */
    public static String key(String publisher, String name) {
        return (publisher + "." + name).toLowerCase(Locale.ROOT);
    }

    /** Whether the marketplace has no such extension (analyze answers 404). */
    public boolean isUnknown(String publisher, String name) {
        String prefix = config.unknownExtensionPrefix();
        if (!prefix.isEmpty()
                && (publisher.toLowerCase(Locale.ROOT).startsWith(prefix)
                        || name.toLowerCase(Locale.ROOT).startsWith(prefix))) {
            return true;
        }
        return config.unknownExtensions().contains(key(publisher, name));
    }

    /** Whether the server had this extension analysed before start (and after every reset). */
    public boolean isPreAnalysed(String key) {
        if (config.onDemandIds().contains(key)) {
            return false;
        }
        if (config.preAnalysedIds().contains(key)) {
            return true;
        }
        return SeededDraws.unit(config.seed(), SeededDraws.PRE_ANALYSED, SeededDraws.hash(key))
                < config.preAnalysedFraction();
    }
}
