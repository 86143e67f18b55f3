// swift-tools-version:6.1
//
// The NHI employer-side SDK, its example programs and the counter kiosk.
//
// Dependency picture (nothing points back up):
//
//   NHICore  ←  NHIGrades, NHIFormats, NHICards  ←  NHILogin  ←  NHIService  ←  NHISignIn  ←  nhi (CLI), nhi-kiosk
//
// C libraries come from Debian through `.systemLibrary` targets (C… prefix).

import PackageDescription

let strict: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
]

let package = Package(
    name: "nhi-swift",
    platforms: [.macOS(.v14)],
    products: [
        .library(name: "NHICore", targets: ["NHICore"]),
        .library(name: "NHIGrades", targets: ["NHIGrades"]),
        .library(name: "NHIFormats", targets: ["NHIFormats"]),
        .library(name: "NHICards", targets: ["NHICards"]),
        .library(name: "NHILogin", targets: ["NHILogin"]),
        .library(name: "NHIService", targets: ["NHIService"]),
        .library(name: "NHISignIn", targets: ["NHISignIn"]),
        // The PostgreSQL store and the store opener (SQLite or PostgreSQL by URL); pulls swift-nio.
        .library(name: "NHIPostgres", targets: ["NHIPostgres"]),
        .library(name: "NHIKit", targets: ["NHIKit"]),
        // nhi-server's application, for programs that embed the office server (Hummingbird 2).
        .library(name: "NHIServer", targets: ["NHIServer"]),
        .library(name: "NHIServiceClient", targets: ["NHIServiceClient"]),
        // `nhi card serve`: the card readers as a local HTTP service for web pages (Hummingbird).
        .library(name: "NHICardService", targets: ["NHICardService"]),
        .library(name: "NHITestSupport", targets: ["NHITestSupport"]),
        .executable(name: "nhi", targets: ["nhi"]),
        .executable(name: "nhi-virtual-card", targets: ["nhi-virtual-card"]),
        .executable(name: "nhi-phone", targets: ["nhi-phone"]),
        .executable(name: "nhi-kiosk", targets: ["nhi-kiosk"]),
        .executable(name: "nhi-bench", targets: ["nhi-bench"]),
        .executable(name: "nhi-bench-server", targets: ["nhi-bench-server"]),
        .executable(name: "nhi-server", targets: ["nhi-server"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.6.0"),
        .package(url: "https://github.com/apple/swift-crypto.git", "3.12.3"..<"5.0.0"),
        .package(url: "https://github.com/apple/swift-certificates.git", from: "1.10.0"),
        .package(url: "https://github.com/apple/swift-asn1.git", from: "1.3.0"),
        .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.0.0"),
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.4.0"),
        .package(url: "https://github.com/vapor/postgres-nio.git", from: "1.33.0"),
        // nhi-server (HTTPS) and its tests' client.
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        // The card service's WebSocket (GET /ws), beside its Server-Sent Events.
        .package(url: "https://github.com/hummingbird-project/hummingbird-websocket.git", from: "2.8.1"),
        .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.37.6"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.37.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
    ],
    targets: [
        // MARK: C system libraries
        // pcsc-lite's headers (vendored); libpcsclite itself is loaded at run time (dlopen), so
        // linking NHICards/NHILogin/NHIService does not link it.
        .systemLibrary(name: "CPCSCLite", path: "Sources/CPCSCLite"),
        // Only the PKCS#11 header (vendored from p11-kit): nothing is linked but libdl.
        .systemLibrary(name: "CPKCS11", path: "Sources/CPKCS11"),
        .systemLibrary(
            name: "CGtk", path: "Kiosk/Sources/CGtk", pkgConfig: "gtk4",
            providers: [.apt(["libgtk-4-dev"])]),
        .systemLibrary(
            name: "CQREncode", path: "Kiosk/Sources/CQREncode", pkgConfig: "libqrencode",
            providers: [.apt(["libqrencode-dev"])]),

        // MARK: SDK
        .target(name: "NHICore", swiftSettings: strict),
        .target(
            name: "NHIGrades", dependencies: ["NHICore"],
            // The table files are compiled in (Tables/EmbeddedTables.swift, made by
            // scripts/embed-grade-tables), so binaries need no resource bundle.
            exclude: ["Resources"], swiftSettings: strict),
        .target(name: "NHIFormats", dependencies: ["NHICore", .product(name: "Crypto", package: "swift-crypto")], swiftSettings: strict),
        .target(
            name: "NHICards",
            dependencies: [
                "NHICore", "CPCSCLite", "CPKCS11",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "X509", package: "swift-certificates"),
                .product(name: "SwiftASN1", package: "swift-asn1"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: strict),
        .target(
            name: "NHILogin",
            dependencies: [
                "NHICore", "NHICards",
                .product(name: "X509", package: "swift-certificates"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
            ],
            swiftSettings: strict),
        .target(
            name: "NHIService",
            dependencies: [
                "NHICore", "NHIGrades", "NHIFormats", "NHILogin",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict),
        // Staff sign-in to a unit session with every NHI login, for every front end.
        .target(
            name: "NHISignIn", dependencies: ["NHICore", "NHICards", "NHILogin", "NHIService"],
            swiftSettings: strict),
        // PostgreSQL for offices with several counters: NHIService's store protocols on
        // postgres-nio, and `NHIStores.open` (SQLite or PostgreSQL by location) for the CLI and kiosk.
        .target(
            name: "NHIPostgres",
            dependencies: [
                "NHICore", "NHIService",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                // Only to read an SQLite database for `nhi service migrate`.
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict),
        .target(
            name: "NHIKit",
            dependencies: ["NHICore", "NHIGrades", "NHIFormats", "NHICards", "NHILogin", "NHIService", "NHISignIn"],
            swiftSettings: strict),
        .target(
            name: "NHITestSupport",
            dependencies: ["NHICore", "NHICards", "NHILogin", "NHIService", "NHIPostgres", "CPKCS11",
                           .product(name: "Crypto", package: "swift-crypto"),
                           .product(name: "_CryptoExtras", package: "swift-crypto"),
                           .product(name: "X509", package: "swift-certificates"),
                           .product(name: "SwiftASN1", package: "swift-asn1"),
                           .product(name: "Logging", package: "swift-log")],
            swiftSettings: strict),

        // MARK: Example programs
        .executableTarget(
            name: "nhi", dependencies: [
                "NHIKit", "NHIPostgres", "NHIServiceClient", "NHICardService",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Examples/nhi", swiftSettings: strict),
        .executableTarget(
            name: "nhi-virtual-card", dependencies: [
                "NHITestSupport", "NHIPostgres",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Examples/nhi-virtual-card", swiftSettings: strict),
        .executableTarget(
            name: "nhi-phone", dependencies: [
                "NHIKit", "NHILogin",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Examples/nhi-phone", swiftSettings: strict),
        .executableTarget(
            name: "nhi-bench", dependencies: [
                "NHIKit", "NHIPostgres",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Benchmarks/nhi-bench", swiftSettings: strict),
        // The server benchmark: nhi-server in process over the demo office (NHITestSupport's
        // seed), clients through NHIServiceClient.
        .executableTarget(
            name: "nhi-bench-server", dependencies: [
                "NHIServer", "NHIServiceClient", "NHIPostgres", "NHITestSupport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Benchmarks/nhi-bench-server", swiftSettings: strict),

        // MARK: Server
        // The HTTP application (router, handlers, sessions): a library so tests start it in
        // process on a loopback port; `nhi-server` is the thin executable around it.
        .target(
            name: "NHIServer",
            dependencies: [
                "NHICore", "NHILogin", "NHIService", "NHISignIn", "NHICards",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "HummingbirdTLS", package: "hummingbird"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            // The OpenAPI document is compiled in (OpenAPI/OpenAPIDocument.swift, made by
            // scripts/embed-openapi from Resources/openapi.json), so the binary needs no bundle.
            exclude: ["Resources"],
            swiftSettings: strict),
        // A counter's client of nhi-server (async-http-client): the same workflows over HTTPS.
        .target(
            name: "NHICardService",
            dependencies: [
                "NHICore", "NHICards",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "HummingbirdTLS", package: "hummingbird"),
                .product(name: "HummingbirdWebSocket", package: "hummingbird-websocket"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict),
        .target(
            name: "NHIServiceClient",
            dependencies: [
                "NHICore", "NHIService",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict),
        .executableTarget(
            name: "nhi-server", dependencies: [
                "NHIServer", "NHIPostgres",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            path: "Examples/nhi-server", swiftSettings: strict),

        // MARK: Kiosk
        .target(
            name: "KioskModel", dependencies: ["NHIKit", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            path: "Kiosk/Sources/KioskModel", swiftSettings: strict),
        // The SDK behind KioskModel's protocols (cards, sign-in, batch upload, the demo deck).
        .target(
            name: "KioskSDK", dependencies: ["KioskModel", "NHITestSupport", "NHIServiceClient"],
            path: "Kiosk/Sources/KioskSDK", swiftSettings: strict),
        .target(
            name: "GtkKit", dependencies: ["CGtk"],
            path: "Kiosk/Sources/GtkKit", swiftSettings: strict),
        .target(
            name: "KioskQR", dependencies: ["CQREncode"],
            path: "Kiosk/Sources/KioskQR", swiftSettings: strict),
        .executableTarget(
            name: "nhi-kiosk", dependencies: ["KioskModel", "KioskSDK", "GtkKit", "KioskQR", "NHITestSupport", "NHIPostgres", "NHIServiceClient",
                                              .product(name: "Logging", package: "swift-log")],
            path: "Kiosk/Sources/nhi-kiosk", swiftSettings: strict),

        // MARK: Tests
        .testTarget(name: "NHICoreTests", dependencies: ["NHICore"], resources: [.copy("Vectors")]),
        .testTarget(name: "NHIGradesTests", dependencies: ["NHIGrades"], resources: [.copy("Vectors")]),
        .testTarget(name: "NHIFormatsTests", dependencies: ["NHIFormats"], resources: [.copy("Vectors")]),
        .testTarget(name: "NHICardsTests", dependencies: ["NHICards", "NHITestSupport"], resources: [.copy("Vectors")]),
        .testTarget(name: "NHILoginTests", dependencies: ["NHILogin", "NHITestSupport"], resources: [.copy("Vectors")]),
        .testTarget(name: "NHIServiceTests", dependencies: ["NHIService", "NHIPostgres", "NHILogin", "NHICards", "NHIFormats", "NHITestSupport",
                                                           .product(name: "GRDB", package: "GRDB.swift")]),
        // README's and the DocC catalogs' code snippets, compiled (see DocSnippetDriftTests).
        .testTarget(name: "DocSnippetTests", dependencies: ["NHICore", "NHIGrades", "NHIFormats", "NHICards", "NHILogin",
                                                           "NHIService", "NHISignIn", "NHITestSupport", "NHIServiceClient", "NHICardService",
                                                           "NHIKit", "NHIPostgres", "NHIServer",
                                                           .product(name: "Logging", package: "swift-log")]),
        .testTarget(name: "NHICardServiceTests", dependencies: [
            "NHICardService", "NHICards", "NHICore", "NHILogin", "NHITestSupport",
            .product(name: "AsyncHTTPClient", package: "async-http-client"),
            .product(name: "Crypto", package: "swift-crypto"),
            .product(name: "NIOSSL", package: "swift-nio-ssl"),
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOHTTP1", package: "swift-nio"),
        ]),
        .testTarget(name: "NHIServerTests", dependencies: [
            "NHIServer", "NHIServiceClient", "NHIService", "NHICore", "NHILogin", "NHICards", "NHITestSupport",
            // The kiosk's remote sign-in (KioskSDK) against a real server.
            "KioskSDK",
            .product(name: "AsyncHTTPClient", package: "async-http-client"),
            .product(name: "NIOSSL", package: "swift-nio-ssl"),
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOHTTP1", package: "swift-nio"),
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "Logging", package: "swift-log"),
            .product(name: "_CryptoExtras", package: "swift-crypto"),
        ]),
        .testTarget(name: "CLITests", dependencies: ["NHICore", "NHIGrades", "NHIFormats", "NHIService", "NHIPostgres", "NHITestSupport",
                                                     "NHIServiceClient", "NHICardService"]),
        .testTarget(
            name: "KioskModelTests", dependencies: ["KioskModel", "KioskSDK", "NHITestSupport"],
            path: "Kiosk/Tests/KioskModelTests"),
        .testTarget(name: "KioskQRTests", dependencies: ["KioskQR"], path: "Kiosk/Tests/KioskQRTests"),
        // The smallest integrator: only NHICore + NHIGrades + NHIFormats + NHIService;
        // scripts/check-links checks with ldd that it links no card or GUI library.
        .executableTarget(
            name: "nhi-link-probe", dependencies: ["NHICore", "NHIGrades", "NHIFormats", "NHIService"],
            path: "Tests/LinkProbe", swiftSettings: strict),
        // GtkKit needs a display: this program runs under Xvfb from Tests/e2e/run.sh.
        .executableTarget(
            name: "gtkkit-smoke", dependencies: ["GtkKit", "KioskQR", "CGtk"],
            path: "Kiosk/Tests/GtkKitSmoke", swiftSettings: strict),
    ],
    swiftLanguageModes: [.v6]
)
