/// What one reader holds, read as far as possible without a PIN: an NHI card's profile
/// or a certificate card's number and certificates — or the error that stopped the read.
public struct CardInspection: Sendable {
    /// What was read.
    public enum Content: Sendable {
        /// An NHI card's public profile.
        case nhi(NHICardIdentity)
        /// A certificate card's number and certificates.
        case certificate(CertificateCardContents)
    }

    /// The reader.
    public let reader: String
    /// The ATR, when a responsive card is present.
    public let atr: ATR?
    /// The card type: from the ATR table, or from what could be read when the ATR is unknown.
    public let cardType: CardType
    /// Whether the ATR table knows the ATR.
    public let atrRecognised: Bool
    /// What was read, if anything.
    public let content: Content?
    /// Why nothing (or not everything) could be read.
    public let error: CardError?

    /// An inspection's result (``CardInspector`` makes them; tests and programs that report
    /// a reader they could not inspect may too).
    public init(reader: String, atr: ATR?, cardType: CardType, atrRecognised: Bool, content: Content?, error: CardError?) {
        self.reader = reader
        self.atr = atr
        self.cardType = cardType
        self.atrRecognised = atrRecognised
        self.content = content
        self.error = error
    }
}

/// Reads whatever card sits in a reader: NHI cards through ``NHICardReader``, certificate
/// cards through ``CertificateCardReader``. A card with an unknown ATR is tried as an NHI
/// card and then as a certificate card (new card generations bring new ATRs), and is
/// reported as ``CardError/Code/cardUnknown`` (9057) when neither works.
public struct CardInspector: Sendable {
    /// The context.
    public let context: PCSCContext

    /// Creates an inspector.
    public init(_ context: PCSCContext) {
        self.context = context
    }

    /// Inspects every reader that holds a card (responsive or mute), in reader order.
    /// Throws when pcscd cannot be reached or no reader is attached.
    public func inspectAll() async throws(CardError) -> [CardInspection] {
        let readers = try await context.readers()
        guard !readers.isEmpty else { throw CardError(.noReaders) }
        var result: [CardInspection] = []
        for status in readers {
            if case .empty = status.slot { continue }
            result.append(await inspect(status))
        }
        return result
    }

    /// Inspects the reader named `reader`.
    public func inspect(reader: String) async throws(CardError) -> CardInspection {
        await inspect(try await context.reader(named: reader))
    }

    /// Inspects a reader whose status is known.
    public func inspect(_ status: ReaderStatus) async -> CardInspection {
        let name = status.name
        switch status.slot {
        case .empty:
            return CardInspection(reader: name, atr: nil, cardType: .unknown, atrRecognised: false, content: nil,
                                  error: CardError(.cardAbsent, reader: name))
        case .mute:
            return CardInspection(reader: name, atr: nil, cardType: .unknown, atrRecognised: false, content: nil,
                                  error: CardError(.cardMute, reader: name, pcsc: .unresponsiveCard))
        case .card(let atr):
            let type = context.atrTable.cardType(of: atr)
            do {
                let content = try await read(reader: name, type: type)
                let readType: CardType
                switch content {
                case .nhi: readType = .nhiCard
                case .certificate(let contents): readType = type == .unknown ? Self.type(of: contents) : type
                }
                return CardInspection(reader: name, atr: atr, cardType: readType, atrRecognised: type != .unknown,
                                      content: content, error: nil)
            } catch {
                return CardInspection(reader: name, atr: atr, cardType: type, atrRecognised: type != .unknown,
                                      content: nil, error: error.at(reader: name))
            }
        }
    }

    private func read(reader: String, type: CardType) async throws(CardError) -> CardInspection.Content {
        switch type {
        case .nhiCard:
            return .nhi(try await NHICardReader(context).readIdentity(reader: reader))
        case .citizenCertificate, .healthcareProfessional, .certificateCard:
            return .certificate(try await CertificateCardReader(context).readContents(reader: reader))
        case .unknown:
            if let identity = try? await NHICardReader(context).readIdentity(reader: reader) {
                return .nhi(identity)
            }
            if let contents = try? await CertificateCardReader(context).readContents(reader: reader) {
                return .certificate(contents)
            }
            let atr = try await context.reader(named: reader).atr
            throw CardError(.cardUnknown, reader: reader, detail: "ATR \(atr.map(\.description) ?? "none")")
        }
    }

    /// A certificate card's type from its signing certificate's issuer.
    static func type(of contents: CertificateCardContents) -> CardType {
        switch contents.signingCertificate?.kind {
        case .citizen: .citizenCertificate
        case .healthcareProfessional: .healthcareProfessional
        default: .certificateCard
        }
    }
}
