package dev.warden.testapps.filetool;

import java.io.File;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.FileReader;
import java.io.FileWriter;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.net.URL;
import java.nio.ByteBuffer;
import java.nio.channels.AsynchronousFileChannel;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Scanner;
import java.util.stream.Stream;

/** The file operations an agent's tools perform, one per step name, through every JDK API. */
final class Steps {

    private Steps() {}

    static String perform(String step) throws Exception {
        String[] p = step.split(":", 3);
        String op = p[0];
        String a = p.length > 1 ? p[1] : null;
        String b = p.length > 2 ? p[2] : null;
        switch (op) {
            case "fis-read":
                try (InputStream in = new FileInputStream(a)) {
                    return text(in.readAllBytes());
                }
            case "reader-read":
                try (FileReader r = new FileReader(a)) {
                    char[] buf = new char[4096];
                    int n = r.read(buf);
                    return n < 0 ? "" : new String(buf, 0, n).trim();
                }
            case "raf-read":
                try (RandomAccessFile f = new RandomAccessFile(a, "r")) {
                    return f.readLine();
                }
            case "raf-write":
                try (RandomAccessFile f = new RandomAccessFile(new File(a), "rw")) {
                    f.write("raf".getBytes(StandardCharsets.UTF_8));
                    return "written";
                }
            case "scanner":
                try (Scanner s = new Scanner(new File(a), StandardCharsets.UTF_8)) {
                    return s.nextLine();
                }
            case "url-read":
                try (InputStream in = new URL("file:" + a).openStream()) {
                    return text(in.readAllBytes());
                }
            case "nio-read":
                return Files.readString(Path.of(a)).trim();
            case "nio-bytes":
                return text(Files.readAllBytes(Path.of(a)));
            case "nio-lines":
                try (Stream<String> lines = Files.lines(Path.of(a))) {
                    return "lines=" + lines.count();
                }
            case "nio-stream":
                try (InputStream in = Files.newInputStream(Path.of(a))) {
                    return text(in.readAllBytes());
                }
            case "nio-all-lines":
                return "lines=" + Files.readAllLines(Path.of(a)).size();
            case "byte-channel-read":
                try (var c = Files.newByteChannel(Path.of(a))) {
                    return "size=" + c.size();
                }
            case "buffered-reader":
                try (var r = Files.newBufferedReader(Path.of(a))) {
                    return r.readLine();
                }
            case "channel-read":
                try (FileChannel c = FileChannel.open(Path.of(a), StandardOpenOption.READ)) {
                    return "size=" + c.size();
                }
            case "async-read":
                try (AsynchronousFileChannel c = AsynchronousFileChannel.open(Path.of(a), StandardOpenOption.READ)) {
                    ByteBuffer buf = ByteBuffer.allocate(4096);
                    int n = c.read(buf, 0).get();
                    return text(java.util.Arrays.copyOf(buf.array(), Math.max(n, 0)));
                }
            case "fos-write":
                try (FileOutputStream out = new FileOutputStream(a)) {
                    out.write("hello".getBytes(StandardCharsets.UTF_8));
                    return "written";
                }
            case "fos-append":
                try (FileOutputStream out = new FileOutputStream(new File(a), true)) {
                    out.write("more".getBytes(StandardCharsets.UTF_8));
                    return "written";
                }
            case "writer-write":
                try (FileWriter w = new FileWriter(a)) {
                    w.write("hello");
                    return "written";
                }
            case "nio-write":
                Files.writeString(Path.of(a), "hello");
                return "written";
            case "nio-write-bytes":
                Files.write(Path.of(a), "hello".getBytes(StandardCharsets.UTF_8));
                return "written";
            case "nio-out-stream":
                try (var out = Files.newOutputStream(Path.of(a))) {
                    out.write('x');
                    return "written";
                }
            case "nio-mkdir":
                return Files.createDirectory(Path.of(a)).toString();
            case "nio-append":
                Files.writeString(Path.of(a), "more", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                return "written";
            case "buffered-writer":
                try (var w = Files.newBufferedWriter(Path.of(a))) {
                    w.write("hello");
                    return "written";
                }
            case "channel-write":
                try (FileChannel c = FileChannel.open(Path.of(a), StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
                    c.write(ByteBuffer.wrap("hello".getBytes(StandardCharsets.UTF_8)));
                    return "written";
                }
            case "delete":
                return String.valueOf(new File(a).delete());
            case "nio-delete":
                Files.delete(Path.of(a));
                return "deleted";
            case "nio-delete-if-exists":
                return String.valueOf(Files.deleteIfExists(Path.of(a)));
            case "mkdir":
                return String.valueOf(new File(a).mkdir());
            case "mkdirs":
                return String.valueOf(new File(a).mkdirs());
            case "nio-mkdirs":
                return Files.createDirectories(Path.of(a)).toString();
            case "create":
                return String.valueOf(new File(a).createNewFile());
            case "nio-create":
                return Files.createFile(Path.of(a)).toString();
            case "temp":
                return File.createTempFile("tool", ".tmp", new File(a)).getName().endsWith(".tmp") ? "created" : "odd";
            case "nio-temp":
                return Files.createTempFile(Path.of(a), "tool", ".tmp").getFileName().toString().endsWith(".tmp") ? "created" : "odd";
            case "list":
                String[] names = new File(a).list();
                return names == null ? "null" : "entries=" + names.length;
            case "nio-list":
                try (Stream<Path> s = Files.list(Path.of(a))) {
                    return "entries=" + s.count();
                }
            case "walk":
                try (Stream<Path> s = Files.walk(Path.of(a))) {
                    return "entries=" + s.count();
                }
            case "rename":
                return String.valueOf(new File(a).renameTo(new File(b)));
            case "move":
                return Files.move(Path.of(a), Path.of(b)).toString();
            case "copy":
                return Files.copy(Path.of(a), Path.of(b)).toString();
            case "symlink":
                return Files.createSymbolicLink(Path.of(a), Path.of(b)).toString();
            case "hardlink":
                return Files.createLink(Path.of(a), Path.of(b)).toString();
            case "chmod":
                Files.setPosixFilePermissions(Path.of(a), PosixFilePermissions.fromString("rw-------"));
                return "changed";
            case "touch":
                Files.setLastModifiedTime(Path.of(a), FileTime.fromMillis(0));
                return "changed";
            case "setexec":
                return String.valueOf(new File(a).setExecutable(true));
            case "secure-stream":
                try (java.nio.file.DirectoryStream<Path> ds = Files.newDirectoryStream(Path.of(a))) {
                    return ds instanceof java.nio.file.SecureDirectoryStream ? "secure" : "plain";
                }
            case "secure-delete": // what Guava's MoreFiles.deleteRecursively does
                try (java.nio.file.DirectoryStream<Path> ds = Files.newDirectoryStream(Path.of(a))) {
                    ((java.nio.file.SecureDirectoryStream<Path>) ds).deleteFile(Path.of(b));
                    return "deleted";
                }
            case "secure-read": // b may be absolute: the secure stream accepts any path
                try (java.nio.file.DirectoryStream<Path> ds = Files.newDirectoryStream(Path.of(a));
                        var c = ((java.nio.file.SecureDirectoryStream<Path>) ds).newByteChannel(Path.of(b),
                                java.util.Set.of(StandardOpenOption.READ))) {
                    return "size=" + c.size();
                }
            case "move-replace":
                return Files.move(Path.of(a), Path.of(b), java.nio.file.StandardCopyOption.REPLACE_EXISTING).toString();
            case "sneaky-delete": {
                // A File that shows one path and holds another.
                String shown = b;
                File sneaky = new File(a) {
                    @Override
                    public String getPath() {
                        return shown;
                    }
                };
                return String.valueOf(sneaky.delete());
            }
            case "hook-write":
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try (FileOutputStream out = new FileOutputStream(a)) {
                        out.write("written at exit".getBytes(StandardCharsets.UTF_8));
                    } catch (Exception e) {
                        System.out.println("ERR hook-write " + e);
                    }
                }));
                return "registered";
            case "exists":
                return String.valueOf(Files.exists(Path.of(a)));
            default:
                throw new IllegalArgumentException("unknown step " + op);
        }
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8).trim();
    }
}
