package dev.wsproxy.os;

/** A user of the system's account database: its name, uid and primary group. */
public record UserAccount(String name, int uid, int primaryGid) {
}
