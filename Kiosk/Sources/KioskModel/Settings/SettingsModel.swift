import Foundation
import Observation

/// The settings screen: the form, per-field checks, and saving.
@Observable
@MainActor
public final class SettingsModel {
    /// The form's fields.
    public enum Field: String, Sendable, Hashable, CaseIterable {
        case reader, pkcs11ModulePath, databasePath, language, idleTimeout
    }

    /// The settings in force (last loaded or saved).
    public private(set) var saved: KioskSettings

    public var readerName = ""
    public var pkcs11ModulePath = ""
    public var databasePath = ""
    public var language: Language = .traditionalChinese
    public var idleTimeoutText = ""

    /// Reader names offered by the SDK (empty: type a name).
    public private(set) var availableReaders: [String] = []
    /// Why the reader list is missing, when it is.
    public private(set) var readerListError: PresentableError?

    public private(set) var fieldErrors: [Field: PresentableError] = [:]
    /// Set after a successful save; cleared when the form changes again.
    public private(set) var justSaved = false
    /// A problem writing the file.
    public private(set) var saveError: PresentableError?

    /// Where the settings live.
    public var filePath: String { store.path }

    @ObservationIgnored private let store: SettingsStore
    @ObservationIgnored private let readers: (any ReaderDirectory)?
    /// Called with the previous and the new settings after each successful save.
    @ObservationIgnored public var onSaved: (@MainActor (_ previous: KioskSettings, _ new: KioskSettings) -> Void)?

    public init(store: SettingsStore, initial: KioskSettings, readers: (any ReaderDirectory)?) {
        self.store = store
        self.readers = readers
        saved = initial
        revert()
    }

    /// Whether the SDK lists readers to choose from.
    public var hasReaderList: Bool { readers != nil }

    /// Fills the form from the settings in force.
    public func revert() {
        readerName = saved.readerName ?? ""
        pkcs11ModulePath = saved.pkcs11ModulePath ?? ""
        databasePath = saved.databasePath ?? ""
        language = saved.language
        idleTimeoutText = String(saved.idleTimeoutSeconds)
        fieldErrors = [:]
        saveError = nil
        justSaved = false
    }

    /// Asks the SDK for the attached readers.
    public func loadReaders() async {
        guard let readers else { return }
        do {
            availableReaders = try await readers.readerNames()
            readerListError = nil
        } catch {
            availableReaders = []
            readerListError = PresentableError(error)
        }
    }

    /// Checks every field; the settings they make, or nil with ``fieldErrors`` set.
    public func validated() -> KioskSettings? {
        var errors: [Field: PresentableError] = [:]
        func optionalPath(_ text: String, field: Field, mustExist: Bool) -> String? {
            let path = text.trimmingCharacters(in: .whitespaces)
            guard !path.isEmpty else { return nil }
            guard path.hasPrefix("/") else {
                errors[field] = PresentableError(KioskError(.pathNotAbsolute, subject: field.key, input: path))
                return nil
            }
            var isDirectory: ObjCBool = false
            if mustExist {
                if !FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) || isDirectory.boolValue {
                    errors[field] = PresentableError(KioskError(.fileMissing, subject: field.key, input: path))
                }
            } else {
                let folder = (path as NSString).deletingLastPathComponent
                if !FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory) || !isDirectory.boolValue {
                    errors[field] = PresentableError(KioskError(.directoryMissing, subject: field.key, input: folder))
                }
            }
            return path
        }
        let reader = readerName.trimmingCharacters(in: .whitespaces)
        let module = optionalPath(pkcs11ModulePath, field: .pkcs11ModulePath, mustExist: true)
        let database = optionalPath(databasePath, field: .databasePath, mustExist: false)
        let idleText = idleTimeoutText.trimmingCharacters(in: .whitespaces)
        let idle = Int(idleText)
        if idle.map({ !KioskSettings.idleTimeoutRange.contains($0) }) ?? true {
            errors[.idleTimeout] = PresentableError(KioskError(.idleTimeoutRange, subject: Field.idleTimeout.key, input: idleText))
        }
        fieldErrors = errors
        guard errors.isEmpty, let idle else { return nil }
        return KioskSettings(readerName: reader.isEmpty ? nil : reader, pkcs11ModulePath: module,
                             databasePath: database, language: language, idleTimeoutSeconds: idle)
    }

    /// Validates and writes the settings; returns whether they were saved.
    @discardableResult
    public func save() -> Bool {
        justSaved = false
        saveError = nil
        guard let settings = validated() else { return false }
        do {
            try store.save(settings)
        } catch {
            saveError = PresentableError(error)
            return false
        }
        let previous = saved
        saved = settings
        justSaved = true
        onSaved?(previous, settings)
        return true
    }
}

extension SettingsModel.Field {
    /// The field's key in `kiosk.json`, which error messages name.
    var key: String {
        switch self {
        case .reader: "readerName"
        case .pkcs11ModulePath: "pkcs11ModulePath"
        case .databasePath: "databasePath"
        case .language: "language"
        case .idleTimeout: "idleTimeoutSeconds"
        }
    }
}
