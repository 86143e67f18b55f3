// nhi-kiosk: the counter kiosk. See Documentation/Kiosk.md.
import Foundation
import KioskModel

let options: LaunchOptions
do {
    options = try LaunchOptions(arguments: Array(CommandLine.arguments.dropFirst()))
} catch {
    FileHandle.standardError.write(Data("nhi-kiosk: [\(error.errorCode)] \(error.message) / \(error.messageEn)\n\n\(LaunchOptions.usage)\n".utf8))
    exit(2)
}
if options.help {
    print(LaunchOptions.usage)
    exit(0)
}
let store = SettingsStore(path: SettingsStore.defaultPath())
let settings: KioskSettings
do {
    settings = try store.load()
} catch {
    // A damaged settings file is reported, never silently overwritten.
    FileHandle.standardError.write(Data("nhi-kiosk: [\(error.errorCode)] \(error.message) / \(error.messageEn)\n".utf8))
    exit(1)
}
exit(MainActor.assumeIsolated { KioskApp(options: options, settings: settings, store: store).run() })
