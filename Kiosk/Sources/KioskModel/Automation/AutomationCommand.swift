import Foundation

/// A command of the automation hook (`--automation-socket`): one line in, one JSON line out.
///
/// ```
/// state                      → the visible state (screen, language, …; never a secret)
/// press <accessible name>    → activates the visible button with that name
/// fill <accessible name> <text> → types into the visible field with that name
/// choose <accessible name>\t<item> → picks the item of the visible drop-down with that name
/// open <screen>              → navigates (subject to the same role rules as the menu)
/// lang zh-Hant|en            → switches the language
/// close                      → asks the window to close (kiosk mode may refuse)
/// ```
public enum AutomationCommand: Sendable, Hashable {
    case state
    case press(name: String)
    case fill(name: String, text: String)
    case choose(name: String, item: String)
    case open(Screen)
    case language(Language)
    case close

    /// Parses one line; the error text says what is wrong.
    public init(line: String) throws(AutomationCommandError) {
        let trimmed = line.trimmingCharacters(in: .whitespacesAndNewlines)
        let verb = trimmed.prefix { $0 != " " }
        let rest = trimmed.dropFirst(verb.count).drop { $0 == " " }
        switch verb {
        case "state":
            self = .state
        case "press":
            guard !rest.isEmpty else { throw AutomationCommandError("press needs an accessible name") }
            self = .press(name: String(rest))
        case "fill":
            // The name may contain spaces: the text is everything after the last tab if there
            // is one, else after the first space.
            if let tab = rest.lastIndex(of: "\t") {
                self = .fill(name: String(rest[..<tab]), text: String(rest[rest.index(after: tab)...]))
            } else if let space = rest.firstIndex(of: " ") {
                self = .fill(name: String(rest[..<space]), text: String(rest[rest.index(after: space)...]))
            } else {
                throw AutomationCommandError("fill needs a name and a text")
            }
        case "choose":
            guard let tab = rest.lastIndex(of: "\t") else { throw AutomationCommandError("choose needs a name, a tab and an item") }
            self = .choose(name: String(rest[..<tab]), item: String(rest[rest.index(after: tab)...]))
        case "open":
            guard let screen = Screen(rawValue: String(rest)) else {
                throw AutomationCommandError("unknown screen '\(rest)'; one of \(Screen.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            self = .open(screen)
        case "lang":
            guard let language = Language(tag: String(rest)) else { throw AutomationCommandError("lang needs zh-Hant or en") }
            self = .language(language)
        case "close":
            self = .close
        default:
            throw AutomationCommandError("unknown command '\(verb)'")
        }
    }
}

/// Why an automation line was not understood.
public struct AutomationCommandError: Error, Sendable, Hashable {
    public let reason: String
    public init(_ reason: String) { self.reason = reason }
}

