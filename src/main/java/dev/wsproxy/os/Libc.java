package dev.wsproxy.os;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.Structure;
import com.sun.jna.ptr.IntByReference;

/** The libc calls wsproxy needs and the JDK does not offer, bound by JNA. */
interface Libc extends Library {

    Libc C = Native.load("c", Libc.class);

    /** glibc's {@code struct passwd}. */
    @Structure.FieldOrder({"name", "password", "uid", "gid", "gecos", "home", "shell"})
    final class Passwd extends Structure {
        public String name;
        public String password;
        public int uid;
        public int gid;
        public String gecos;
        public String home;
        public String shell;
    }

    /** glibc's {@code struct group}. */
    @Structure.FieldOrder({"name", "password", "gid", "members"})
    final class Group extends Structure {
        public String name;
        public String password;
        public int gid;
        public Pointer members;
    }

    Passwd getpwnam(String name);

    Passwd getpwuid(int uid);

    Group getgrnam(String name);

    int geteuid();

    int setgid(int gid) throws LastErrorException;

    int initgroups(String user, int group) throws LastErrorException;

    int setuid(int uid) throws LastErrorException;

    int chown(String path, int uid, int gid) throws LastErrorException;

    int prctl(int option, long arg2, long arg3, long arg4, long arg5) throws LastErrorException;

    /**
     * @param header {@code struct __user_cap_header_struct}: version, pid (0 = the calling thread)
     * @param data   two {@code struct __user_cap_data_struct}: effective, permitted, inheritable, each of 32 bits
     */
    int capset(int[] header, int[] data) throws LastErrorException;

    int setsockopt(int fd, int level, int option, IntByReference value, int length) throws LastErrorException;
}
