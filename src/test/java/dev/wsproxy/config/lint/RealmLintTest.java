package dev.wsproxy.config.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wsproxy.config.ConfigLoader;
import dev.wsproxy.config.LoadOptions;
import dev.wsproxy.config.diag.Code;
import dev.wsproxy.config.diag.Diagnostic;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What lint says about realms beyond the per-code fixtures: upgrades under a realm, and no password in a message. */
class RealmLintTest {

    @TempDir
    Path root;

    private List<Diagnostic> lint(String htpasswd, boolean readFiles) {
        Path config = new Fixture("realms", List.of(), String.join("\n",
                "==> conf/httpd_config.conf",
                "mime conf/mime.properties",
                "virtualhost a {",
                "  vhRoot a/",
                "  docRoot $VH_ROOT/html/",
                "  realm Members {",
                "    userDB {",
                "      location conf/htpasswd",
                "    }",
                "  }",
                "  context /members/ {",
                "    location $DOC_ROOT/",
                "    realm Members",
                "  }",
                "  context /members/open/ {",
                "    location $DOC_ROOT/",
                "  }",
                "  websocket /members/live {",
                "    address 127.0.0.1:9001",
                "  }",
                "  websocket /members/open/live {",
                "    address 127.0.0.1:9001",
                "  }",
                "  websocket /public {",
                "    address 127.0.0.1:9001",
                "  }",
                "}",
                "listener l {",
                "  address 127.0.0.1:8088",
                "  map a *",
                "}",
                "==> a/html/",
                "==> conf/htpasswd",
                htpasswd)).writeTo(root);
        return ConfigLoader.load(config, new LoadOptions(Optional.empty(), readFiles)).diagnostics();
    }

    @Test
    void anUpgradeUnderARealmIsInfoThatOlsLetsItThrough() {
        List<Diagnostic> found = lint("alice:$apr1$abcdefgh$73ncRmiuy6qoGYuF29HGL/", true);
        List<String> upgrades = found.stream().filter(d -> d.code() == Code.DIFFERS_FROM_OLS).map(Diagnostic::summary)
                .toList();
        assertEquals(List.of("upgrades to `/members/live` need the credentials of realm `Members` in wsproxy,"
                + " not in OLS 1.9.1"), upgrades, "not /members/open/live (a context without realm) nor /public");
        assertTrue(found.stream().allMatch(d -> d.code() == Code.DIFFERS_FROM_OLS), found.toString());
    }

    @Test
    void aPlainTextPasswordIsNamedByUserAndLineNeverShown() {
        List<Diagnostic> found = lint("alice:$apr1$abcdefgh$73ncRmiuy6qoGYuF29HGL/\nbob:hunter2 secret", true)
                .stream().filter(d -> d.code() == Code.PLAIN_TEXT_PASSWORD).toList();
        assertEquals(1, found.size(), found.toString());
        assertEquals("user `bob` has a plain-text password", found.get(0).summary());
        assertEquals(2, found.get(0).span().line());
        assertFalse(found.get(0).toString().contains("hunter2"), found.toString());
        assertTrue(lint("bob:hunter2", false).stream().noneMatch(d -> d.code() == Code.PLAIN_TEXT_PASSWORD),
                "the user file is read only when the config's files are checked");
    }
}
