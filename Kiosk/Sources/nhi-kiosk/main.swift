// nhi-kiosk: the counter kiosk. See Documentation/Kiosk.md.
import Foundation
import KioskModel
import KioskSDK
import Logging
import NHITestSupport

// Logs go to standard error at `warning` and above unless $NHI_LOG_LEVEL (trace, debug, info,
// notice, warning, error, critical) says otherwise — the same rule as the `nhi` command. The
// service logs each action at info level (and into its audit table).
LoggingSystem.bootstrap { label in
    var handler = StreamLogHandler.standardError(label: label)
    handler.logLevel = ProcessInfo.processInfo.environment["NHI_LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:)) ?? .warning
    return handler
}
let log = Logger(label: "nhi-kiosk")

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
let store = SettingsStore(path: SettingsStore.defaultPath())
let settings: KioskSettings
do {
    settings = try store.load()
} catch {
    // A damaged settings file is reported, never silently overwritten.
    log.critical("[\(error.errorCode)] \(error.message) / \(error.messageEn)")
    exit(1)
}
let backends: KioskBackends
let demo: DemoDatabase?
let demoClaim: DemoCopies.Claim?
do {
    (backends, demo, demoClaim) = try KioskApp.backends(options: options, settings: settings)
} catch {
    // The database cannot be opened (or the demo sample not prepared): say which and why.
    let coded = PresentableError(error)
    log.critical("[\(coded.code)] \(coded.message) / \(coded.messageEn)")
    exit(1)
}
exit(MainActor.assumeIsolated {
    KioskApp(options: options, settings: settings, store: store, backends: backends, demo: demo, demoClaim: demoClaim).run()
})
