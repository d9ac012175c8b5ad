package dev.highlighter.writers;

import java.io.IOException;
import java.util.List;
import org.apache.hadoop.hbase.TableName;
import org.apache.hadoop.hbase.client.BufferedMutator;
import org.apache.hadoop.hbase.client.BufferedMutatorParams;
import org.apache.hadoop.hbase.client.Connection;
import org.apache.hadoop.hbase.client.Mutation;

/**
 * Sends one chunk of mutations through a BufferedMutator and flushes before the chunk commits,
 * so that a committed chunk is in HBase. A mutator per chunk is cheap; the connection is shared.
 */
final class MutatorSupport {

    /** 4 MB beats 16 MB here: the client sends at most 4 MB or 2048 rows per request anyway. */
    static final long WRITE_BUFFER_BYTES = 4L * 1024 * 1024;

    private MutatorSupport() {
    }

    static void send(Connection connection, TableName table, List<? extends Mutation> mutations) throws IOException {
        if (mutations.isEmpty()) {
            return;
        }
        BufferedMutatorParams params = new BufferedMutatorParams(table).writeBufferSize(WRITE_BUFFER_BYTES);
        try (BufferedMutator mutator = connection.getBufferedMutator(params)) {
            mutator.mutate(mutations);
            mutator.flush();
        }
    }
}
