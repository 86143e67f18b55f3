import ArgumentParser
import NHICore

/// Prints a coded SDK error in both languages to standard error.
func printError(_ error: any Error) {
    if let coded = error as? any CodedError {
        printToStandardError("錯誤 [\(coded.errorCode)] \(coded.message)\nerror [\(coded.errorCode)] \(coded.messageEn)")
        if let hint = cliHints[coded.errorCode] { printToStandardError(hint) }
    } else {
        printToStandardError("錯誤 error: \(error)")
    }
}

/// What to do on the command line, for the SDK errors whose remedy is a CLI step (the SDK's
/// own messages speak in the user's terms; each front end adds its own hint).
let cliHints: [String: String] = [
    "pcsc.readerNotFound": "提示 hint: nhi doctor 列出目前的讀卡機 — `nhi doctor` lists the attached readers",
    "pkcs11.moduleNotLoaded": "提示 hint: 以 --pkcs11-module PATH 指定模組 — give the module with --pkcs11-module PATH",
    "value.unrecognised": "提示 hint: 以 --kind 指定資料種類 — give the kind with --kind",
]

func printToStandardError(_ text: String) {
    let output = ByteOutput(fd: 2)
    output.write(text)
    output.write(byte: 0x0A)
}

/// Exit statuses shared by every command: 0 success, 1 invalid input or failed operation,
/// 2 usage error.
enum ExitStatus {
    static let invalid = ExitCode(1)
    static let usage = ExitCode(2)
}
