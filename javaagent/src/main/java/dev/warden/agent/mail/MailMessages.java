package dev.warden.agent.mail;

import dev.warden.agent.governor.MailFacts;
import dev.warden.agent.governor.MailReader;

/**
 * Reads what {@code mail.send} decides and records from a message, through {@link MailApi}: the
 * recipients in To, Cc and Bcc ({@code getAllRecipients}, which for a {@code MimeMessage} adds
 * Newsgroups) and the envelope, each group's members as the SMTP transports expand them
 * ({@code InternetAddress.getGroup}); the sender ({@code getFrom}, which falls back to the
 * session's {@code mail.from}); the subject; and each attachment — a part with an
 * {@code attachment} disposition or a file name, in any nested multipart — with its size when
 * known without reading it: a parsed part's {@code getSize}, a {@code FileDataSource}'s file
 * length, a {@code ByteArrayDataSource}'s length. Any other source (a URL, Spring's
 * {@code InputStreamSource}) is never opened to be measured: it may not be repeatable.
 */
final class MailMessages implements MailReader {

    // invokeExact: a handle's call site must state its exact adapted type, so each result is cast
    // to Object first, then to what it is.

    /** Deeper multipart nesting is not looked into (no real message nests so deep). */
    private static final int MAX_DEPTH = 8;

    @Override
    public void read(Object message, Object envelope, MailFacts into) throws Throwable {
        MailApi api = MailApi.of(message);
        recipients(api, (Object[]) (Object) api.allRecipients.invokeExact(message), into);
        if (envelope instanceof Object[]) {
            recipients(api, (Object[]) envelope, into);
        }
        Object[] from = (Object[]) (Object) api.from.invokeExact(message);
        if (from != null && from.length > 0 && api.internetAddress.isInstance(from[0])) {
            into.sender((String) (Object) api.addressText.invokeExact(from[0]));
        }
        into.subject((String) (Object) api.subject.invokeExact(message));
        attachments(api, message, into, 0);
    }

    private static void recipients(MailApi api, Object[] addresses, MailFacts into) throws Throwable {
        if (addresses == null) {
            return;
        }
        for (Object a : addresses) {
            if (a == null) {
                continue;
            }
            if (!api.internetAddress.isInstance(a)) {
                into.recipient(a, a.toString()); // a NewsAddress: its newsgroup
            } else if ((boolean) api.isGroup.invokeExact(a)) {
                Object[] members = (Object[]) (Object) api.group.invokeExact(a, false);
                for (int i = 0; members != null && i < members.length; i++) {
                    into.recipient(members[i], (String) (Object) api.addressText.invokeExact(members[i]));
                }
            } else {
                into.recipient(a, (String) (Object) api.addressText.invokeExact(a));
            }
        }
    }

    private static void attachments(MailApi api, Object part, MailFacts into, int depth) throws Throwable {
        if ((boolean) api.isMimeType.invokeExact(part, (Object) "multipart/*")) {
            Object content = api.content.invokeExact(part);
            if (api.multipart.isInstance(content) && depth < MAX_DEPTH) {
                int n = (int) api.count.invokeExact(content);
                for (int i = 0; i < n; i++) {
                    attachments(api, api.bodyPart.invokeExact(content, i), into, depth + 1);
                }
            }
        } else if (depth > 0 && isAttachment(api, part)) {
            into.attachment(size(api, part));
        }
    }

    private static boolean isAttachment(MailApi api, Object part) throws Throwable {
        return "attachment".equalsIgnoreCase((String) (Object) api.disposition.invokeExact(part))
                || api.fileName.invokeExact(part) != null;
    }

    private static long size(MailApi api, Object part) throws Throwable {
        int size = (int) api.size.invokeExact(part);
        if (size >= 0) {
            return size;
        }
        Object handler = api.dataHandler.invokeExact(part);
        Object source = handler == null ? null : api.dataSource.invokeExact(handler);
        if (api.fileDataSource.isInstance(source)) {
            return ((java.io.File) (Object) api.file.invokeExact(source)).length();
        }
        if (api.byteArrayDataSource.isInstance(source)) {
            try (java.io.InputStream in = (java.io.InputStream) (Object) api.inputStream.invokeExact(source)) {
                return in.available(); // a ByteArrayInputStream over the data: its length
            }
        }
        return -1;
    }

    @Override
    public Exception refused(Object message, String text, Object[] invalid, int invalidCount, Object[] validUnsent,
            int validUnsentCount) throws Throwable {
        MailApi api = MailApi.of(message);
        return (Exception) (Object) api.sendFailed.invokeExact((Object) text, (Object) null, array(api, null, 0),
                array(api, validUnsent, validUnsentCount), array(api, invalid, invalidCount));
    }

    /** The first {@code n} of {@code addresses} as the API's {@code Address[]}. */
    private static Object array(MailApi api, Object[] addresses, int n) {
        Object[] a = (Object[]) java.lang.reflect.Array.newInstance(api.address, n);
        if (n > 0) {
            System.arraycopy(addresses, 0, a, 0, n);
        }
        return a;
    }
}
