import Foundation
import GRDB
import NHICore

extension SQLiteSession {
    func loginToken(_ value: String) throws -> LoginTokenRecord? {
        try String.fetchOne(db, sql: "SELECT data FROM login_token WHERE value = ?", arguments: [value])
            .map { try StoreCodec.decode(LoginTokenRecord.self, $0) }
    }

    func upsert(_ token: LoginTokenRecord) throws {
        try db.execute(sql: """
            INSERT INTO login_token (value, expires_at, data) VALUES (?, ?, ?)
            ON CONFLICT(value) DO UPDATE SET expires_at = excluded.expires_at, data = excluded.data
            """, arguments: [token.token.value, token.token.expiresAt.timeIntervalSince1970, try StoreCodec.encode(token)])
    }

    func deleteLoginTokens(expiredBefore date: Date) throws {
        try db.execute(sql: "DELETE FROM login_token WHERE expires_at < ?", arguments: [date.timeIntervalSince1970])
    }
}
