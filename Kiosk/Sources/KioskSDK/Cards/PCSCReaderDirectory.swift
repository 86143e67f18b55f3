import KioskModel
import NHICards

/// Reader names and the doctor's checks from the real PC/SC stack (NHICards): pcscd
/// reachable, which readers, more than one reader (the NHI's advice), and per reader what
/// the card is and whether it reads — with the seeds' error codes and advice.
public struct PCSCReaderDirectory: ReaderDirectory {
    public let context: PCSCContext

    public init(context: PCSCContext) {
        self.context = context
    }

    public func readerNames() async throws -> [String] {
        try await context.readers().map(\.name)
    }

    public func diagnose() async -> [ReaderCheck] {
        let readers: [ReaderStatus]
        do {
            readers = try await context.readers()
        } catch {
            return [ReaderCheck(outcome: .failed, subject: "PC/SC 服務", subjectEn: "PC/SC service",
                                detail: error.message, detailEn: error.messageEn)]
        }
        var checks = [ReaderCheck(outcome: .ok, subject: "PC/SC 服務", subjectEn: "PC/SC service",
                                  detail: "讀卡服務 pcscd 正常", detailEn: "the smart-card service pcscd answers")]
        guard !readers.isEmpty else {
            let error = CardError(.noReaders)
            checks.append(ReaderCheck(outcome: .failed, subject: "讀卡機", subjectEn: "Card readers",
                                      detail: error.message, detailEn: error.messageEn))
            return checks
        }
        checks.append(ReaderCheck(
            outcome: readers.count > 1 ? .warning : .ok, subject: "讀卡機", subjectEn: "Card readers",
            detail: readers.map(\.name).joined(separator: "、")
                + (readers.count > 1 ? "。電腦接有 \(readers.count) 台讀卡機：登入時可能讀錯卡片，請只保留一台讀卡機" : ""),
            detailEn: readers.map(\.name).joined(separator: ", ")
                + (readers.count > 1 ? ". \(readers.count) readers are attached: a login may read the wrong card; keep one reader" : "")))
        let inspector = CardInspector(context)
        for status in readers {
            checks.append(await check(status, inspector: inspector))
        }
        return checks
    }

    private func check(_ status: ReaderStatus, inspector: CardInspector) async -> ReaderCheck {
        let subject = "讀卡機「\(status.name)」", subjectEn = "Reader \"\(status.name)\""
        func failure(_ error: CardError, _ outcome: ReaderCheck.Outcome = .failed) -> ReaderCheck {
            ReaderCheck(outcome: outcome, subject: subject, subjectEn: subjectEn, detail: error.message, detailEn: error.messageEn)
        }
        switch status.slot {
        case .empty:
            return ReaderCheck(outcome: .ok, subject: subject, subjectEn: subjectEn, detail: "無卡片", detailEn: "no card")
        case .mute:
            return failure(CardError(.cardMute, reader: status.name, pcsc: .unresponsiveCard))
        case .card(let atr):
            if status.exclusivelyInUse { return failure(CardError(.cardInUse, reader: status.name), .warning) }
            let inspection = await inspector.inspect(status)
            if let error = inspection.error { return failure(error, error.code == .cardUnknown ? .warning : .failed) }
            let recognised = inspection.atrRecognised
            return ReaderCheck(
                outcome: recognised ? .ok : .warning, subject: subject, subjectEn: subjectEn,
                detail: "\(inspection.cardType.label)，讀取正常（ATR \(atr)）" + (recognised ? "" : "；ATR 未列於對照表"),
                detailEn: "\(inspection.cardType.labelEn), reads correctly (ATR \(atr))" + (recognised ? "" : "; ATR not in the table"))
        }
    }
}
