package dev.warden.testapps.mailtool;

/**
 * One mail API the tool sends through. Jakarta Mail and the legacy {@code javax.mail} cannot share a
 * class path (each one's activation framework reads the other's {@code META-INF/mailcap} and fails
 * with a {@code ClassCastException}), so {@code mail-tool} holds Jakarta Mail and Spring, and
 * {@code javax-mail-tool} these sources with {@code JakartaMail} renamed into {@code JavaxMail} for
 * {@code javax.mail} (its build does it): the API is found by name.
 */
interface Api {

    void send(MailTool.Server smtp, Step step) throws Exception;

    /** {@code  invalid=[...] unsent=[...]} for a {@code SendFailedException} of this API, else empty. */
    String refused(Throwable t);

    /** The exception to show for {@code t} (Spring collects each failed message's own). */
    default Throwable unwrap(Throwable t) {
        return t;
    }

    static Api named(String api) throws ReflectiveOperationException {
        String type;
        switch (api) {
            case "jakarta": type = "JakartaMail"; break;
            case "javax": type = "JavaxMail"; break;
            case "spring": type = "SpringMail"; break;
            default: throw new IllegalArgumentException("unknown API " + api);
        }
        return (Api) Class.forName(Api.class.getPackageName() + "." + type).getDeclaredConstructor().newInstance();
    }
}
