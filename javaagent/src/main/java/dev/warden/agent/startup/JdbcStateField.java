package dev.warden.agent.startup;

import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.ClassWriter;
import net.bytebuddy.jar.asm.FieldVisitor;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;

/**
 * Adds {@link dev.warden.bootstrap.JdbcState} to an advised JDBC class: a private transient field
 * {@code warden$jdbc} and its accessor pair, so Warden finds its state for a connection, statement
 * or result set in the object itself. Only while the class is first defined (a retransformation may
 * not change a class's shape) — or again when retransforming a class that already has it.
 */
final class JdbcStateField {

    static final String INTERFACE = "dev/warden/bootstrap/JdbcState";
    private static final String NAME = "warden$jdbc";

    private JdbcStateField() {}

    static byte[] add(byte[] classFile) {
        ClassReader reader = new ClassReader(classFile);
        if ((reader.getAccess() & Opcodes.ACC_INTERFACE) != 0) {
            return classFile;
        }
        for (String i : reader.getInterfaces()) {
            if (i.equals(INTERFACE)) {
                return classFile;
            }
        }
        ClassWriter writer = new ClassWriter(reader, 0);
        reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
            private String owner;

            @Override
            public void visit(int version, int access, String name, String signature, String superName, String[] interfaces) {
                owner = name;
                String[] more = new String[interfaces == null ? 1 : interfaces.length + 1];
                if (interfaces != null) {
                    System.arraycopy(interfaces, 0, more, 0, interfaces.length);
                }
                more[more.length - 1] = INTERFACE;
                super.visit(version, access, name, signature == null ? null : signature + "L" + INTERFACE + ";",
                        superName, more);
            }

            @Override
            public void visitEnd() {
                FieldVisitor f = super.visitField(Opcodes.ACC_PRIVATE | Opcodes.ACC_TRANSIENT | Opcodes.ACC_SYNTHETIC,
                        NAME, "Ljava/lang/Object;", null, null);
                f.visitEnd();
                MethodVisitor get = super.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_SYNTHETIC, NAME,
                        "()Ljava/lang/Object;", null, null);
                get.visitCode();
                get.visitVarInsn(Opcodes.ALOAD, 0);
                get.visitFieldInsn(Opcodes.GETFIELD, owner, NAME, "Ljava/lang/Object;");
                get.visitInsn(Opcodes.ARETURN);
                get.visitMaxs(1, 1);
                get.visitEnd();
                MethodVisitor set = super.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_SYNTHETIC, NAME,
                        "(Ljava/lang/Object;)V", null, null);
                set.visitCode();
                set.visitVarInsn(Opcodes.ALOAD, 0);
                set.visitVarInsn(Opcodes.ALOAD, 1);
                set.visitFieldInsn(Opcodes.PUTFIELD, owner, NAME, "Ljava/lang/Object;");
                set.visitInsn(Opcodes.RETURN);
                set.visitMaxs(2, 2);
                set.visitEnd();
                super.visitEnd();
            }
        }, 0);
        return writer.toByteArray();
    }

    /** Whether an already-loaded class carries the field (a retransformation must keep it). */
    static boolean has(Class<?> type) {
        for (Class<?> i : type.getInterfaces()) {
            if (i.getName().equals("dev.warden.bootstrap.JdbcState")) {
                return true;
            }
        }
        return false;
    }
}
