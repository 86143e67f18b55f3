import Foundation
@testable import KioskModel
import Testing

@Suite("Settings: $XDG_CONFIG_HOME/nhi/kiosk.json")
@MainActor
struct SettingsTests {
    @Test("the file lives under XDG_CONFIG_HOME, else ~/.config")
    func location() {
        #expect(SettingsStore.defaultPath(environment: ["XDG_CONFIG_HOME": "/srv/cfg", "HOME": "/home/u"]) == "/srv/cfg/nhi/kiosk.json")
        #expect(SettingsStore.defaultPath(environment: ["HOME": "/home/u"]) == "/home/u/.config/nhi/kiosk.json")
        // A relative XDG_CONFIG_HOME is invalid and ignored (XDG base directory rule).
        #expect(SettingsStore.defaultPath(environment: ["XDG_CONFIG_HOME": "cfg", "HOME": "/home/u"]) == "/home/u/.config/nhi/kiosk.json")
    }

    @Test("no file yet: the defaults (zh-Hant, 120 s)")
    func defaults() throws {
        let directory = TemporaryDirectory()
        let settings = try SettingsStore(path: directory.path + "/nhi/kiosk.json").load()
        #expect(settings == KioskSettings())
        #expect(settings.language == .traditionalChinese)
        #expect(settings.idleTimeoutSeconds == 120)
    }

    @Test("saved settings read back equal; the folder is 0700 and the file 0600")
    func roundTrip() throws {
        let directory = TemporaryDirectory()
        let store = SettingsStore(path: directory.path + "/nhi/kiosk.json")
        let settings = KioskSettings(readerName: "Virtual PCD 00 00", pkcs11ModulePath: "/usr/lib/softhsm/libsofthsm2.so",
                                     databasePath: "/var/lib/nhi/nhi.sqlite", language: .english, idleTimeoutSeconds: 300)
        try store.save(settings)
        #expect(try store.load() == settings)
        let fileMode = try FileManager.default.attributesOfItem(atPath: store.path)[.posixPermissions] as? Int
        let folderMode = try FileManager.default.attributesOfItem(atPath: directory.path + "/nhi")[.posixPermissions] as? Int
        #expect(fileMode == 0o600)
        #expect(folderMode == 0o700)
        let json = try String(contentsOfFile: store.path, encoding: .utf8)
        for key in ["readerName", "pkcs11ModulePath", "databasePath", "\"language\" : \"en\"", "idleTimeoutSeconds"] {
            #expect(json.contains(key))
        }
    }

    @Test("missing keys take defaults; empty strings mean default")
    func partialFile() throws {
        let directory = TemporaryDirectory()
        let path = directory.path + "/kiosk.json"
        try #"{"language": "en", "readerName": "  "}"#.write(toFile: path, atomically: true, encoding: .utf8)
        let settings = try SettingsStore(path: path).load()
        #expect(settings.language == .english)
        #expect(settings.readerName == nil)
        #expect(settings.idleTimeoutSeconds == KioskSettings.defaultIdleTimeoutSeconds)
    }

    @Test("bad files are reported with the rule and the file, never silently replaced",
          arguments: [("not json", KioskError.Code.settingsMalformed),
                      (#"{"language": "ja"}"#, .settingsLanguage),
                      (#"{"idleTimeoutSeconds": 5}"#, .idleTimeoutRange),
                      (#"["zh-Hant"]"#, .settingsMalformed)])
    func badFiles(content: String, code: KioskError.Code) throws {
        let directory = TemporaryDirectory()
        let path = directory.path + "/kiosk.json"
        try content.write(toFile: path, atomically: true, encoding: .utf8)
        do {
            _ = try SettingsStore(path: path).load()
            Issue.record("loaded a bad file")
        } catch {
            #expect(error.code == code)
            #expect(error.message.contains(path))
            #expect(try String(contentsOfFile: path, encoding: .utf8) == content)
        }
    }

    @Test("the form checks each field: absolute paths, an existing module, an existing folder, the idle range")
    func validation() throws {
        let directory = TemporaryDirectory()
        let module = directory.path + "/libtest_p11.so"
        _ = FileManager.default.createFile(atPath: module, contents: Data([0x7F, 0x45, 0x4C, 0x46]))
        let model = SettingsModel(store: SettingsStore(path: directory.path + "/k.json"), initial: KioskSettings(), readers: nil)

        model.pkcs11ModulePath = "lib/x.so"
        model.databasePath = "/no/such/folder/nhi.sqlite"
        model.idleTimeoutText = "10"
        #expect(model.validated() == nil)
        #expect(model.fieldErrors[.pkcs11ModulePath]?.code == KioskError.Code.pathNotAbsolute.rawValue)
        #expect(model.fieldErrors[.databasePath]?.code == KioskError.Code.directoryMissing.rawValue)
        #expect(model.fieldErrors[.idleTimeout]?.code == KioskError.Code.idleTimeoutRange.rawValue)

        model.pkcs11ModulePath = directory.path + "/missing.so"
        #expect(model.validated() == nil)
        #expect(model.fieldErrors[.pkcs11ModulePath]?.code == KioskError.Code.fileMissing.rawValue)

        model.pkcs11ModulePath = " \(module) "
        model.databasePath = directory.path + "/nhi.sqlite"
        model.idleTimeoutText = "abc"
        #expect(model.validated() == nil)
        #expect(model.fieldErrors.keys.sorted { $0.rawValue < $1.rawValue } == [.idleTimeout])

        model.idleTimeoutText = "300"
        model.readerName = "  Virtual PCD 00 01 "
        let settings = try #require(model.validated())
        #expect(settings.pkcs11ModulePath == module)
        #expect(settings.readerName == "Virtual PCD 00 01")
        #expect(model.fieldErrors.isEmpty)
    }

    @Test("saving writes the file and applies language and reader to the shell")
    func saveApplies() throws {
        let fixture = Fixture()
        let settings = fixture.shell.settings
        settings.language = .english
        settings.readerName = "Virtual PCD 00 01"
        #expect(settings.save())
        #expect(settings.justSaved)
        #expect(fixture.shell.language == .english)
        #expect(fixture.shell.visitor.readerName == "Virtual PCD 00 01")
        #expect(fixture.shell.signIn.readerName == "Virtual PCD 00 01")
        #expect(try SettingsStore(path: settings.filePath).load().language == .english)
    }

    @Test("saving other settings keeps the language chosen with the header switch")
    func saveKeepsSessionLanguage() {
        let fixture = Fixture()
        fixture.shell.toggleLanguage()
        fixture.shell.settings.idleTimeoutText = "60"
        #expect(fixture.shell.settings.save())
        #expect(fixture.shell.language == .english)
        #expect(fixture.shell.settings.saved.language == .traditionalChinese)
    }

    @Test("an invalid form is not saved and the file is untouched")
    func invalidNotSaved() throws {
        let fixture = Fixture()
        let settings = fixture.shell.settings
        settings.idleTimeoutText = "0"
        #expect(!settings.save())
        #expect(!FileManager.default.fileExists(atPath: settings.filePath))
        settings.revert()
        #expect(settings.idleTimeoutText == "120")
        #expect(settings.fieldErrors.isEmpty)
    }

    @Test("an unwritable location is reported")
    func unwritable() throws {
        let directory = TemporaryDirectory()
        let blocker = directory.path + "/nhi"
        _ = FileManager.default.createFile(atPath: blocker, contents: Data()) // a file where the folder should be
        let model = SettingsModel(store: SettingsStore(path: blocker + "/kiosk.json"), initial: KioskSettings(), readers: nil)
        #expect(!model.save())
        #expect(model.saveError?.code == KioskError.Code.settingsUnwritable.rawValue)
    }

    @Test("the reader list comes from the SDK when connected")
    func readers() async {
        let model = SettingsModel(store: SettingsStore(path: "/tmp/unused.json"), initial: KioskSettings(),
                                  readers: FixedReaders(names: ["Virtual PCD 00 00", "Virtual PCD 00 01"], checks: []))
        #expect(model.hasReaderList)
        await model.loadReaders()
        #expect(model.availableReaders == ["Virtual PCD 00 00", "Virtual PCD 00 01"])
    }
}

@Suite("Command line")
struct LaunchOptionsTests {
    @Test("every option")
    func all() throws {
        let options = try LaunchOptions(arguments: ["--kiosk", "--demo", "--lang", "en", "--automation-socket", "/tmp/k.sock",
                                                    "--idle-timeout=5", "--report-first-frame", "--auto-demo", "--report-card-times"])
        #expect(options.kiosk && options.demo && options.reportFirstFrame)
        #expect(options.autoDemo && options.reportCardTimes)
        #expect(options.language == .english)
        #expect(options.automationSocket == "/tmp/k.sock")
        #expect(options.idleTimeoutSeconds == 5)
        #expect(try LaunchOptions(arguments: []) == LaunchOptions())
        #expect(try LaunchOptions(arguments: ["--lang=zh-Hant"]).language == .traditionalChinese)
    }

    @Test("--db takes an SQLite file or a PostgreSQL URL, as nhi --db; --database is the same option")
    func database() throws {
        #expect(try LaunchOptions(arguments: ["--db", "/srv/nhi/nhi.sqlite"]).databasePath == "/srv/nhi/nhi.sqlite")
        #expect(try LaunchOptions(arguments: ["--db=postgres://nhi@db.office.lan/nhi"]).databasePath == "postgres://nhi@db.office.lan/nhi")
        #expect(try LaunchOptions(arguments: ["--database", "postgresql:///nhi?host=/run/postgresql"]).databasePath
                == "postgresql:///nhi?host=/run/postgresql")
        #expect(throws: KioskError(.pathNotAbsolute)) { try LaunchOptions(arguments: ["--db", "nhi.sqlite"]) }
        #expect(throws: KioskError(.pathNotAbsolute)) { try LaunchOptions(arguments: ["--db", "mysql://db/nhi"]) }
    }

    @Test("--service takes the office's nhi-server (https://, http:// on loopback only) and excludes --db; --ca-file is absolute")
    func service() throws {
        let options = try LaunchOptions(arguments: ["--service", "https://nhi.office.lan:8443", "--ca-file", "/etc/nhi/ca.pem"])
        #expect(options.serviceURL == "https://nhi.office.lan:8443" && options.caFile == "/etc/nhi/ca.pem" && options.databasePath == nil)
        #expect(try LaunchOptions(arguments: ["--service=http://127.0.0.1:8080"]).serviceURL == "http://127.0.0.1:8080")
        #expect(throws: KioskError(.optionServiceURL)) { try LaunchOptions(arguments: ["--service", "http://nhi.office.lan:8080"]) }
        #expect(throws: KioskError(.optionServiceURL)) { try LaunchOptions(arguments: ["--service", "nhi.office.lan"]) }
        #expect(throws: KioskError(.optionServiceAndDatabase)) {
            try LaunchOptions(arguments: ["--service", "https://nhi.office.lan", "--db", "/srv/nhi/nhi.sqlite"])
        }
        #expect(throws: KioskError(.pathNotAbsolute)) { try LaunchOptions(arguments: ["--ca-file", "ca.pem"]) }
    }

    @Test("usage errors name the option", arguments: [
        (["--fullscreen"], KioskError.Code.optionUnknown),
        (["--lang"], .optionMissingValue),
        (["--lang", "--kiosk"], .optionMissingValue),
        (["--lang", "fr"], .optionLanguage),
        (["--idle-timeout", "0"], .optionIdleTimeout),
        (["--idle-timeout", "soon"], .optionIdleTimeout),
    ])
    func errors(arguments: [String], code: KioskError.Code) {
        #expect(throws: KioskError(code)) { try LaunchOptions(arguments: arguments) }
    }

    @Test("the usage text lists every option in both languages")
    func usage() {
        for option in ["--kiosk", "--demo", "--lang", "--idle-timeout", "--automation-socket", "--report-first-frame",
                       "--auto-demo", "--report-card-times", "--service", "--ca-file", "--db"] {
            #expect(LaunchOptions.usage.contains(option))
        }
        #expect(LaunchOptions.usage.contains("只有管理者"))
    }

    @Test("the error catalogue has a message in both languages for every code")
    func catalog() {
        #expect(Set(KioskError.catalog.map(\.code)).count == KioskError.catalog.count)
        for entry in KioskError.catalog {
            #expect(!entry.zh.isEmpty && !entry.en.isEmpty)
        }
        let error = KioskError(.optionLanguage, subject: "--lang", input: "fr")
        #expect(error.message == "--lang：語言只能是 zh-Hant 或 en「fr」")
        #expect(error.messageEn == "--lang: the language must be zh-Hant or en (\"fr\")")
    }
}
