import Foundation
import NHICore

/// Reads and writes ``KioskSettings`` as JSON, atomically and readable by the owner only.
public struct SettingsStore: Sendable {
    /// The settings file.
    public let path: String

    public init(path: String) {
        self.path = path
    }

    /// `$XDG_CONFIG_HOME/nhi/kiosk.json`, or `~/.config/nhi/kiosk.json` when
    /// `XDG_CONFIG_HOME` is unset or not absolute (the XDG rule).
    public static func defaultPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        NHIPaths.configDirectory(environment: environment) + "/kiosk.json"
    }

    /// The saved settings; the defaults when there is no file yet.
    public func load() throws(KioskError) -> KioskSettings {
        guard FileManager.default.fileExists(atPath: path) else { return KioskSettings() }
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw KioskError(.settingsUnreadable, subject: path)
        }
        do {
            return try JSONDecoder().decode(KioskSettings.self, from: data)
        } catch let error as KioskError {
            throw KioskError(error.code, subject: "\(path) \(error.subject ?? "")", input: error.input)
        } catch {
            throw KioskError(.settingsMalformed, subject: path)
        }
    }

    /// Writes `settings` (creating `…/nhi/` with mode 0700 and the file with 0600).
    public func save(_ settings: KioskSettings) throws(KioskError) {
        let url = URL(fileURLWithPath: path)
        let directory = url.deletingLastPathComponent()
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o700])
            let data = try encoder.encode(settings)
            let temporary = directory.appendingPathComponent(".kiosk.json.\(getpid()).tmp")
            guard FileManager.default.createFile(atPath: temporary.path, contents: data,
                                                 attributes: [.posixPermissions: 0o600]) else {
                throw KioskError(.settingsUnwritable, subject: path)
            }
            guard rename(temporary.path, path) == 0 else {
                try? FileManager.default.removeItem(at: temporary)
                throw KioskError(.settingsUnwritable, subject: path)
            }
        } catch let error as KioskError {
            throw error
        } catch {
            throw KioskError(.settingsUnwritable, subject: path)
        }
    }
}
