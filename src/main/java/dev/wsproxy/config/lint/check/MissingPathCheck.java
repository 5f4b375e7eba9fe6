package dev.wsproxy.config.lint.check;

import dev.wsproxy.config.ast.Block;
import dev.wsproxy.config.ast.Directive;
import dev.wsproxy.config.diag.Code;
import dev.wsproxy.config.diag.Diagnostics;
import dev.wsproxy.config.load.ConfigTree;
import dev.wsproxy.config.load.FileLocations;
import dev.wsproxy.config.load.VhostConfigs;
import dev.wsproxy.config.model.ContextUri;
import dev.wsproxy.config.model.ServerConfig;
import dev.wsproxy.config.source.Span;
import dev.wsproxy.config.value.PathResolver;
import dev.wsproxy.config.value.RouteClaims;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * WSP301, WSP303, WSP318, WSP341: a directory or file the config names that is not on this machine (a vhost's
 * vhRoot or docRoot, a static context's location, a realm's user or group file), and a realm without a userDB
 * location, which OLS leaves out. Only what the binder set up is checked: the vhosts OLS starts, their realms
 * and contexts.
 */
public final class MissingPathCheck implements TreeCheck {

    @Override
    public Set<Code> codes() {
        return Set.of(Code.MISSING_VHROOT, Code.MISSING_DOCROOT, Code.MISSING_LOCATION, Code.MISSING_USER_DB);
    }

    @Override
    public void check(ConfigTree tree, ServerConfig config, Diagnostics out) {
        Existence exists = new Existence(tree.checksFilesystem(), out);
        if (tree.isServer()) {
            vhRoots(tree, config, exists);
        }
        for (BoundVhost vhost : BoundVhost.all(tree, config)) {
            String name = vhost.host().name();
            vhost.config().first("docRoot").filter(d -> !d.value().isBlank()).ifPresent(line -> exists.require(
                    vhost.host().docRoot(), true, Code.MISSING_DOCROOT, line.valueSpan(), "docRoot of `" + name + "`",
                    "$SERVER_ROOT"));
            realms(vhost, exists, out);
            locations(vhost, exists);
        }
    }

    /** The vhRoot of each vhost OLS sets up: entries, then the template members that no vhost before took. */
    private static void vhRoots(ConfigTree tree, ServerConfig config, Existence exists) {
        Block root = Block.of(tree.entry().directives());
        PathResolver server = PathResolver.server(tree.serverRoot());
        VhostConfigs.entries(root).forEach((name, entry) -> Block.of(entry).first("vhRoot")
                .filter(line -> !line.value().isBlank())
                .ifPresent(line -> exists.require(FileLocations.vhRoot(server, name, line.value().trim()), true,
                        Code.MISSING_VHROOT, line.valueSpan(), "vhRoot of `" + name + "`", "$SERVER_ROOT")));
        TemplateMember.all(tree, config).forEach(member -> memberVhRoot(server, member, exists));
    }

    /** A member's own vhRoot, else the template's, reported where it is written. */
    private static void memberVhRoot(PathResolver server, TemplateMember member, Existence exists) {
        Optional<String> own = member.overrides().value("vhRoot");
        Span where = own.isPresent() ? member.member().span()
                : member.templateRoot().first("vhRoot").map(Directive::valueSpan).orElse(member.member().span());
        own.or(() -> member.templateRoot().value("vhRoot")).ifPresent(text -> exists.require(
                FileLocations.vhRoot(server, member.name(), text), true, Code.MISSING_VHROOT, where,
                "vhRoot of `" + member.name() + "`", "$SERVER_ROOT"));
    }

    /** Each realm OLS keeps with its files, and each it leaves out for want of a userDB location. */
    private static void realms(BoundVhost vhost, Existence exists, Diagnostics out) {
        Map<String, Directive> kept = KeptRealms.of(vhost.config());
        List<Directive> realms = vhost.config().all("realm");
        for (Directive realm : realms) {
            Optional<String> name = Block.nameOf(realm, "name");
            if (name.isEmpty() || !realm.isBlock()) {
                continue;
            }
            Directive keeper = kept.get(name.get());
            if (realm.equals(keeper)) {
                userFile(vhost, KeptRealms.userDb(realm).orElseThrow(), "user file of realm `" + name.get() + "`", exists);
                KeptRealms.location(Block.of(realm).child("groupDB"))
                        .ifPresent(g -> userFile(vhost, g, "group file of realm `" + name.get() + "`", exists));
            } else if (KeptRealms.userDb(realm).isEmpty()
                    && (keeper == null || realms.indexOf(keeper) > realms.indexOf(realm))) {
                out.add(Code.MISSING_USER_DB, realm.span(), "realm `" + name.get() + "` has no userDB location",
                        "OLS leaves the realm out, so every context that names it denies all requests; add"
                                + " `userDB { location <htpasswd file> }` to the realm.");
            }
        }
    }

    private static void userFile(BoundVhost vhost, Directive location, String what, Existence exists) {
        exists.require(vhost.paths().resolve(location.value()), false, Code.MISSING_USER_DB, location.valueSpan(),
                what, "$SERVER_ROOT");
    }

    /** The written location of each static prefix context OLS sets up, unless it takes a regex group. */
    private static void locations(BoundVhost vhost, Existence exists) {
        for (RouteClaims.Claim claim : RouteClaims.contexts(vhost.config()).accepted()) {
            Block body = Block.of(claim.block());
            String type = body.value("type").orElse("static").toLowerCase(Locale.ROOT);
            if ((type.equals("static") || type.equals("null")) && claim.uri() instanceof ContextUri.Prefix) {
                body.first("location").filter(l -> !l.value().isBlank()).filter(l -> !l.value().contains("$0"))
                        .ifPresent(line -> exists.require(vhost.paths().resolveLocation(line.value()), false,
                                Code.MISSING_LOCATION, line.valueSpan(), "context location", "$DOC_ROOT/"));
            }
        }
    }

    /** Reports a path that is not there, when the config's paths are expected on this machine. */
    private record Existence(boolean checked, Diagnostics out) {
        void require(Path path, boolean directory, Code code, Span span, String what, String base) {
            boolean there = directory ? Files.isDirectory(path) : Files.exists(path);
            if (checked && !there) {
                out.add(code, span, what + " `" + path + "` does not exist",
                        "Create it, or correct the path (a relative path means " + base + ").");
            }
        }
    }
}
