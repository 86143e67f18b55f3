import GtkKit
import KioskModel
import KioskQR

/// A sign-in QR code (libqrencode → RGBA → GtkPicture), scaled in whole pixels so it
/// stays sharp for the phone's camera, with the standard quiet zone.
@MainActor
final class QRCodeView {
    let picture = Picture()
    private var shownPayload: String?

    /// The side of the code on screen, in pixels.
    static let side = 264

    init() {
        picture.addStyleClass("qr-code")
        picture.setMinimumSize(width: Int32(Self.side), height: Int32(Self.side))
    }

    /// Shows `payload` (re-encoding only when it changes); nil removes the code.
    func show(_ payload: String?) {
        guard payload != shownPayload else { return }
        shownPayload = payload
        guard let payload, let code = try? QRCode(encoding: payload, errorCorrection: .medium) else {
            picture.clear()
            return
        }
        let image = code.rgba(scale: code.scale(toFit: Self.side))
        picture.setRGBA(width: image.width, height: image.height, pixels: image.pixels)
    }
}
