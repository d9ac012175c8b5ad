package dev.highlighter.core;

import java.io.IOException;
import org.apache.hadoop.hbase.NamespaceDescriptor;
import org.apache.hadoop.hbase.NamespaceExistException;
import org.apache.hadoop.hbase.TableExistsException;
import org.apache.hadoop.hbase.TableName;
import org.apache.hadoop.hbase.client.Admin;
import org.apache.hadoop.hbase.client.ColumnFamilyDescriptorBuilder;
import org.apache.hadoop.hbase.client.Connection;
import org.apache.hadoop.hbase.client.TableDescriptorBuilder;
import org.apache.hadoop.hbase.util.Bytes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Creates the namespace and tables at start-up when they are missing, pre-split on the salt. */
public final class HBaseTables {

    private static final Logger log = LoggerFactory.getLogger(HBaseTables.class);

    private HBaseTables() {
    }

    public static void ensure(Connection connection) throws IOException {
        try (Admin admin = connection.getAdmin()) {
            try {
                admin.createNamespace(NamespaceDescriptor.create(HBaseSchema.NAMESPACE).build());
            } catch (NamespaceExistException e) {
                // another process or an earlier run made it
            }
            create(admin, HBaseSchema.WINDOWS, HBaseSchema.saltSplits(),
                    HBaseSchema.CHAT, HBaseSchema.TOKENS, HBaseSchema.MEDIA, HBaseSchema.PREDICTIONS, HBaseSchema.LABELS);
            create(admin, HBaseSchema.HIGHLIGHTS, HBaseSchema.saltSplits(), HBaseSchema.DATA);
            // vods rows are few and keyed by id alone
            create(admin, HBaseSchema.VODS, null, HBaseSchema.DATA);
        }
    }

    /** A table made by an older release lacks the families added since; add them in place. */
    private static void addMissingFamilies(Admin admin, TableName name, byte[]... families) throws IOException {
        var existing = admin.getDescriptor(name);
        for (byte[] family : families) {
            if (!existing.hasColumnFamily(family)) {
                admin.addColumnFamily(name, ColumnFamilyDescriptorBuilder.newBuilder(family).setMaxVersions(1).build());
                log.info("Added column family {} to HBase table {}", Bytes.toString(family), name);
            }
        }
    }

    private static void create(Admin admin, TableName name, byte[][] splits, byte[]... families) throws IOException {
        if (admin.tableExists(name)) {
            addMissingFamilies(admin, name, families);
            return;
        }
        TableDescriptorBuilder table = TableDescriptorBuilder.newBuilder(name);
        for (byte[] family : families) {
            table.setColumnFamily(ColumnFamilyDescriptorBuilder.newBuilder(family).setMaxVersions(1).build());
        }
        try {
            if (splits == null) {
                admin.createTable(table.build());
            } else {
                admin.createTable(table.build(), splits);
            }
            log.info("Created HBase table {}", name);
        } catch (TableExistsException e) {
            // lost a race with another process: fine
        }
    }
}
