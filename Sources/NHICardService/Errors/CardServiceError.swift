import NHICards
import NHICore

/// The card service's own errors: who may ask (origins, hosts, rate) and where it may
/// listen. Card errors keep their own codes (`CardError`, NHICards) inside the reports.
public struct CardServiceError: CodedError, Hashable {
    /// A stable code.
    public struct Code: RawRepresentable, Hashable, Sendable, ExpressibleByStringLiteral, CustomStringConvertible {
        public let rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public init(stringLiteral value: String) { self.rawValue = value }
        public var description: String { rawValue }

        /// A web page whose origin is not on the allow-list (`--allow-origin`) — 403, logged.
        public static let originForbidden: Self = "cardService.originForbidden"
        /// A request naming another host than this machine (`Host:`; DNS rebinding) — 403.
        public static let hostForbidden: Self = "cardService.hostForbidden"
        /// Too many requests from one origin within a minute — 429.
        public static let rateLimited: Self = "cardService.rateLimited"
        /// No such route — 404.
        public static let notFound: Self = "cardService.notFound"
        /// A route's path with a method it does not answer — 405 with `Allow`.
        public static let methodNotAllowed: Self = "cardService.methodNotAllowed"
        /// `--listen` names an address other machines can reach, without `--allow-remote`.
        public static let listenNotLoopback: Self = "cardService.listenNotLoopback"
        /// `--listen` is not `HOST:PORT` with a port 0–65535.
        public static let listenAddress: Self = "cardService.listenAddress"
        /// `--allow-origin` is not `scheme://host[:port]`.
        public static let originFormat: Self = "cardService.originFormat"
        /// `--tls-cert`/`--tls-key` cannot be read as a PEM certificate chain and key.
        public static let tlsFiles: Self = "cardService.tlsFiles"
        /// `POST /sign` with nobody to enter the PIN at this PC (the service has no terminal, or `--no-signing`) — 403.
        public static let signingUnavailable: Self = "cardService.signingUnavailable"
        /// A request body that is not what the route takes (JSON, fields, sizes) — 400.
        public static let requestInvalid: Self = "cardService.requestInvalid"
        /// No reader of that name is attached — 404.
        public static let readerUnknown: Self = "cardService.readerUnknown"
        /// The reader holds no certificate card (empty, an NHI card …) — 409.
        public static let notCertificateCard: Self = "cardService.notCertificateCard"
        /// The card has no certificate with that serial number — 404.
        public static let certificateUnknown: Self = "cardService.certificateUnknown"
        /// Another signature is waiting for its PIN — 409; ask again when it is done.
        public static let signBusy: Self = "cardService.signBusy"
        /// The person at this PC refused to enter the PIN — 403.
        public static let signDeclined: Self = "cardService.signDeclined"
        /// Nobody entered the PIN in time — 408.
        public static let pinTimeout: Self = "cardService.pinTimeout"
        /// `GET /ws` without a WebSocket upgrade — 426 with `Upgrade: websocket`.
        public static let webSocketUpgradeRequired: Self = "cardService.webSocketUpgradeRequired"
        /// The card or its token refused or failed; ``CardServiceError/cardError`` has the
        /// card's own code (`pin.incorrect` 9039 with the tries left, `pin.locked` 9043 …).
        public static let cardFailed: Self = "cardService.cardFailed"
    }

    /// The code.
    public let code: Code
    /// The message in Traditional Chinese.
    public let message: String
    /// The message in English.
    public let messageEn: String
    /// The card's own error, for ``Code/cardFailed``.
    public let cardError: CardError?

    /// The error with its catalogue messages; `detail` (an origin, an address) is appended.
    public init(_ code: Code, detail: String? = nil) {
        self.code = code
        let base = Self.catalog.first { $0.code == code }.map { ($0.zh, $0.en) } ?? (code.rawValue, code.rawValue)
        message = detail.map { base.0 + "：" + $0 } ?? base.0
        messageEn = detail.map { base.1 + ": " + $0 } ?? base.1
        cardError = nil
    }

    /// The card's refusal or failure, keeping its messages and codes.
    public init(card error: CardError) {
        code = .cardFailed
        message = error.message
        messageEn = error.messageEn
        cardError = error
    }

    public var errorCode: String { code.rawValue }
    public static func == (lhs: Self, rhs: Self) -> Bool { lhs.code == rhs.code }
    public func hash(into hasher: inout Hasher) { hasher.combine(code) }

    /// Every code with both messages (Documentation/ErrorCodes.md lists them).
    public static let catalog: [(code: Code, zh: String, en: String)] = [
        (.originForbidden, "此網頁來源未獲准讀取讀卡機（請管理者以 --allow-origin 加入）",
         "this web page's origin may not read the card readers (an administrator adds it with --allow-origin)"),
        (.hostForbidden, "請求的主機名稱不是本機", "the request names a host other than this machine"),
        (.rateLimited, "請求過於頻繁，請稍後再試", "too many requests from this origin; try again shortly"),
        (.notFound, "沒有這個服務路徑", "no such path"),
        (.methodNotAllowed, "此路徑不接受這個方法", "this path does not take this method"),
        (.listenNotLoopback, "讀卡服務預設只在本機位址提供；要對外提供須加 --allow-remote",
         "the card service listens on loopback only unless --allow-remote is given"),
        (.listenAddress, "位址格式應為 主機:埠號", "the address must be HOST:PORT"),
        (.originFormat, "網頁來源格式應為 https://主機[:埠號]", "an origin is scheme://host[:port]"),
        (.tlsFiles, "無法讀取 TLS 憑證或私鑰（PEM）", "the TLS certificate or key (PEM) cannot be read"),
        (.signingUnavailable, "此讀卡服務沒有可輸入 PIN 碼的終端機，無法簽章",
         "this card service has no terminal where a PIN could be typed, so it cannot sign"),
        (.requestInvalid, "請求內容不正確", "the request body is not valid"),
        (.readerUnknown, "沒有這個讀卡機", "no reader of that name is attached"),
        (.notCertificateCard, "此讀卡機中沒有憑證卡", "the reader holds no certificate card"),
        (.certificateUnknown, "卡片上沒有這個序號的憑證", "the card has no certificate with that serial number"),
        (.signBusy, "另一個簽章正在等待輸入 PIN 碼，請稍後再試", "another signature is waiting for its PIN; try again when it is done"),
        (.signDeclined, "本機使用者拒絕輸入 PIN 碼，未簽章", "the person at this PC refused to enter the PIN; nothing was signed"),
        (.pinTimeout, "未在時限內輸入 PIN 碼，未簽章", "nobody entered the PIN in time; nothing was signed"),
        (.webSocketUpgradeRequired, "此路徑只接受 WebSocket 連線", "this path takes WebSocket connections only"),
        (.cardFailed, "卡片拒絕或無法完成操作", "the card refused or failed"),
    ]
}
