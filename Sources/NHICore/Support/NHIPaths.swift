import Foundation

/// Where the SDK's programs keep their files — the one resolver the service database, the
/// login store, the kiosk's data and its settings use, with the XDG rules: a
/// `$XDG_DATA_HOME`/`$XDG_CONFIG_HOME` that is not an absolute path is ignored.
public enum NHIPaths {
    /// `$XDG_DATA_HOME/nhi`, else `$HOME/.local/share/nhi`.
    public static func dataDirectory(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        base("XDG_DATA_HOME", fallback: ".local/share", environment: environment) + "/nhi"
    }

    /// `$XDG_CONFIG_HOME/nhi`, else `$HOME/.config/nhi`.
    public static func configDirectory(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        base("XDG_CONFIG_HOME", fallback: ".config", environment: environment) + "/nhi"
    }

    /// `$variable` when set and not empty, else `name` in ``dataDirectory(environment:)``.
    public static func dataFile(_ name: String, overriddenBy variable: String,
                                environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let explicit = environment[variable], !explicit.isEmpty { return explicit }
        return dataDirectory(environment: environment) + "/" + name
    }

    private static func base(_ variable: String, fallback: String, environment: [String: String]) -> String {
        if let xdg = environment[variable], xdg.hasPrefix("/") { return xdg }
        return (environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()) + "/" + fallback
    }
}
