package io.vscanpoc.cli.input;

import io.vscanpoc.core.ExtensionId;
import java.util.List;

/**
 * The extensions a run scans, de-duplicated, in input order.
 *
 * @param ids the IDs, never empty
 * @param source where they came from, for the banner and the report
 * @param notes things the user should know (duplicates removed, directories skipped)
 */
public record ExtensionList(List<ExtensionId> ids, String source, List<String> notes) {

    public ExtensionList {
        ids = List.copyOf(ids);
        notes = List.copyOf(notes);
    }

    public int size() {
        return ids.size();
    }
}
