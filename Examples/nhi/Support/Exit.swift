import ArgumentParser
import NHICore

/// Prints a coded SDK error in both languages to standard error.
func printError(_ error: any Error) {
    if let coded = error as? any CodedError {
        printToStandardError("錯誤 [\(coded.errorCode)] \(coded.message)\nerror [\(coded.errorCode)] \(coded.messageEn)")
    } else {
        printToStandardError("錯誤 error: \(error)")
    }
}

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
