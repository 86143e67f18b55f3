import Crypto
import Foundation
import NHICore

extension NHIService {
    /// NHI-app device binding (裝置認證): each bound device holds a TOTP secret that OTP and
    /// QR-code logins are checked against.
    public struct Devices: Sendable {
        let core: NHIService

        /// Binds a device for a person who has logged in with card + password; returns the
        /// device and its secret, shown once (as an `otpauth://` URI for the app). The birth
        /// date (read from the card) is what OTP logins ask for again with the ID.
        public func bind(personID: PersonalID, label: String, birthDate: CalendarDate? = nil,
                         by caller: Caller) throws(ServiceError) -> (device: BoundDevice, provisioningURI: String) {
            guard caller.personID == personID, caller.standing == .person else {
                throw ServiceError(.notAuthorised, context: ["caller": caller.description])
            }
            let label = try TextRule.deviceLabel.checked(label)
            let secret = SymmetricKey(size: .bits256).withUnsafeBytes { Data($0.prefix(20)) }
            let now = core.clock.now
            let device = try core.write { w in
                guard let account = try w.personalAccount(personID), account.status == .active else {
                    throw ServiceError(.accountNotActive)
                }
                let id = try w.insert(BoundDevice(id: 0, personID: personID, label: label, secret: secret, boundAt: now, revokedAt: nil,
                                                  birthDate: birthDate))
                try core.record(w, caller, unit: nil, action: "device.bind", target: personID.masked, detail: "#\(id) \(label)")
                return BoundDevice(id: id, personID: personID, label: label, secret: secret, boundAt: now, revokedAt: nil,
                                   birthDate: birthDate)
            }
            let uri = "otpauth://totp/NHI:\(personID.masked)?secret=\(Base32.encode(secret))&issuer=NHI&algorithm=SHA1&digits=6&period=30"
            return (device, uri)
        }

        /// Revokes a device.
        public func revoke(_ id: Int64, personID: PersonalID, by caller: Caller) throws(ServiceError) {
            guard caller.personID == personID else { throw ServiceError(.notAuthorised) }
            let now = core.clock.now
            try core.write { w in
                guard var device = try w.devices(person: personID).first(where: { $0.id == id }) else { throw ServiceError(.deviceNotFound) }
                device.revokedAt = now
                try w.update(device)
                try core.record(w, caller, unit: nil, action: "device.revoke", target: personID.masked, detail: "#\(id)")
            }
        }

        /// The person's devices that are still bound.
        public func active(personID: PersonalID) throws(ServiceError) -> [BoundDevice] {
            try core.read { try $0.devices(person: personID) }.filter { $0.revokedAt == nil }
        }
    }
}

/// RFC 4648 base32 (the form authenticator apps expect).
enum Base32 {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")

    static func encode(_ data: Data) -> String {
        var out = "", buffer = 0, bits = 0
        for byte in data {
            buffer = (buffer << 8) | Int(byte)
            bits += 8
            while bits >= 5 {
                out.append(alphabet[(buffer >> (bits - 5)) & 31])
                bits -= 5
            }
        }
        if bits > 0 { out.append(alphabet[(buffer << (5 - bits)) & 31]) }
        return out
    }
}
