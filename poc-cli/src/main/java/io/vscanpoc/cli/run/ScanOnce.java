package io.vscanpoc.cli.run;

import io.vscanpoc.core.ExtensionId;
import io.vscanpoc.core.ScanListener;
import io.vscanpoc.core.ScanReport;
import io.vscanpoc.core.ScanResult;
import io.vscanpoc.core.VscanClient;
import io.vscanpoc.core.scanner.FailurePolicy;
import io.vscanpoc.core.scanner.ParallelScanner;
import java.util.List;

/** One parallel scan of a list through a client: the single place the CLI builds a scanner. */
public final class ScanOnce {

    private ScanOnce() {}

    public static ScanReport<ExtensionId, ScanResult> scan(
            List<ExtensionId> ids,
            int workers,
            VscanClient client,
            ScanListener<ExtensionId, ScanResult> listener,
            FailurePolicy policy) {
        ParallelScanner<ExtensionId, ScanResult> scanner = ParallelScanner.<ExtensionId, ScanResult>builder()
                .maxConcurrency(workers)
                .listener(listener)
                .failurePolicy(policy)
                .threadName(id -> "scan-" + id)
                .build();
        return scanner.scan(ids, client::scan);
    }
}
