package dev.warden.agent.mail;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * The methods of one mail API ({@code jakarta.mail} or {@code javax.mail}, as loaded by one class
 * loader) that Warden calls: public methods of public classes, looked up once per message class and
 * adapted to {@code Object} parameters, so that calling them boxes nothing and allocates nothing
 * beyond what the library does. The two APIs have the same methods under two package names.
 */
final class MailApi {

    private static final ClassValue<MailApi> BY_MESSAGE_CLASS = new ClassValue<>() {
        @Override
        protected MailApi computeValue(Class<?> type) {
            for (Class<?> c = type; c != null; c = c.getSuperclass()) {
                if (c.getName().equals("jakarta.mail.Message") || c.getName().equals("javax.mail.Message")) {
                    try {
                        return new MailApi(c);
                    } catch (ReflectiveOperationException e) {
                        throw new IllegalStateException(c.getPackageName() + " has changed: " + e, e);
                    }
                }
            }
            throw new IllegalArgumentException(type.getName() + " is not a jakarta.mail or javax.mail Message");
        }
    };

    static MailApi of(Object message) {
        return BY_MESSAGE_CLASS.get(message.getClass());
    }

    final Class<?> address;
    final Class<?> internetAddress;
    final Class<?> multipart;
    final MethodHandle allRecipients;
    final MethodHandle from;
    final MethodHandle subject;
    final MethodHandle isMimeType;
    final MethodHandle content;
    final MethodHandle disposition;
    final MethodHandle fileName;
    final MethodHandle size;
    final MethodHandle dataHandler;
    final MethodHandle count;
    final MethodHandle bodyPart;
    final MethodHandle isGroup;
    final MethodHandle group;
    final MethodHandle addressText;
    final MethodHandle dataSource;
    final MethodHandle inputStream;
    /** The activation framework's {@code FileDataSource} and the API's {@code ByteArrayDataSource}: sizes known without reading. */
    final Class<?> fileDataSource;
    final Class<?> byteArrayDataSource;
    final MethodHandle file;
    final MethodHandle sendFailed;

    private MailApi(Class<?> message) throws ReflectiveOperationException {
        String api = message.getPackageName();
        ClassLoader loader = message.getClassLoader();
        MethodHandles.Lookup lookup = MethodHandles.publicLookup();
        address = Class.forName(api + ".Address", false, loader);
        internetAddress = Class.forName(api + ".internet.InternetAddress", false, loader);
        multipart = Class.forName(api + ".Multipart", false, loader);
        Class<?> part = Class.forName(api + ".Part", false, loader);
        Class<?> addresses = address.arrayType();
        allRecipients = adapt(lookup.findVirtual(message, "getAllRecipients", MethodType.methodType(addresses)));
        from = adapt(lookup.findVirtual(message, "getFrom", MethodType.methodType(addresses)));
        subject = adapt(lookup.findVirtual(message, "getSubject", MethodType.methodType(String.class)));
        isMimeType = adapt(lookup.findVirtual(part, "isMimeType", MethodType.methodType(boolean.class, String.class)));
        content = adapt(lookup.findVirtual(part, "getContent", MethodType.methodType(Object.class)));
        disposition = adapt(lookup.findVirtual(part, "getDisposition", MethodType.methodType(String.class)));
        fileName = adapt(lookup.findVirtual(part, "getFileName", MethodType.methodType(String.class)));
        size = adapt(lookup.findVirtual(part, "getSize", MethodType.methodType(int.class)));
        Class<?> handler = part.getMethod("getDataHandler").getReturnType();
        dataHandler = adapt(lookup.findVirtual(part, "getDataHandler", MethodType.methodType(handler)));
        count = adapt(lookup.findVirtual(multipart, "getCount", MethodType.methodType(int.class)));
        bodyPart = adapt(lookup.findVirtual(multipart, "getBodyPart",
                MethodType.methodType(Class.forName(api + ".BodyPart", false, loader), int.class)));
        isGroup = adapt(lookup.findVirtual(internetAddress, "isGroup", MethodType.methodType(boolean.class)));
        group = adapt(lookup.findVirtual(internetAddress, "getGroup", MethodType.methodType(internetAddress.arrayType(), boolean.class)));
        addressText = adapt(lookup.findVirtual(internetAddress, "getAddress", MethodType.methodType(String.class)));
        Class<?> source = handler.getMethod("getDataSource").getReturnType();
        dataSource = adapt(lookup.findVirtual(handler, "getDataSource", MethodType.methodType(source)));
        inputStream = adapt(lookup.findVirtual(source, "getInputStream", MethodType.methodType(java.io.InputStream.class)));
        fileDataSource = Class.forName(handler.getPackageName() + ".FileDataSource", false, handler.getClassLoader());
        file = adapt(lookup.findVirtual(fileDataSource, "getFile", MethodType.methodType(java.io.File.class)));
        byteArrayDataSource = Class.forName(api + ".util.ByteArrayDataSource", false, loader);
        sendFailed = adapt(lookup.findConstructor(Class.forName(api + ".SendFailedException", false, loader),
                MethodType.methodType(void.class, String.class, Exception.class, addresses, addresses, addresses)));
    }

    /** Every reference type becomes {@code Object}; primitives stay, so nothing is boxed. */
    private static MethodHandle adapt(MethodHandle h) {
        MethodType t = h.type();
        for (int i = 0; i < t.parameterCount(); i++) {
            if (!t.parameterType(i).isPrimitive()) {
                t = t.changeParameterType(i, Object.class);
            }
        }
        return h.asType(t.returnType().isPrimitive() ? t : t.changeReturnType(Object.class));
    }
}
