// nhi-kiosk: the counter kiosk. See Documentation/Kiosk.md.
import Foundation
import KioskModel
import Logging
import NHITestSupport

var options: LaunchOptions
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
if options.autoDemo, !options.demo {
    // Demo mode unless a real card reader is attached (vpcd's virtual readers do not count).
    options.demo = !KioskApp.realReaderAttached()
}
// The service logs each action at info level into its audit table already; on the counter's
// terminal only warnings and errors appear, as with the `nhi` command.
LoggingSystem.bootstrap { label in
    var handler = StreamLogHandler.standardError(label: label)
    handler.logLevel = .warning
    return handler
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
let backends: KioskBackends
let demo: DemoDatabase?
do {
    (backends, demo) = try KioskApp.backends(options: options, settings: settings)
} catch {
    // The database cannot be opened (or the demo sample not prepared): say which and why.
    let coded = PresentableError(error)
    FileHandle.standardError.write(Data("nhi-kiosk: [\(coded.code)] \(coded.message) / \(coded.messageEn)\n".utf8))
    exit(1)
}
exit(MainActor.assumeIsolated {
    KioskApp(options: options, settings: settings, store: store, backends: backends, demo: demo).run()
})
