// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/print/QrCode.h"

#include <qrencode.h>

#include <memory>

namespace motcua::ui::print {

QImage qrCodeImage(const QByteArray &text, int moduleSize)
{
    std::unique_ptr<QRcode, decltype(&QRcode_free)> code(
        QRcode_encodeData(int(text.size()), reinterpret_cast<const unsigned char *>(text.constData()), 0, QR_ECLEVEL_M),
        &QRcode_free);
    if (!code || moduleSize < 1)
        return {};
    constexpr int quiet = 4;
    const int width = code->width;
    const int side = (width + 2 * quiet) * moduleSize;
    QImage image(side, side, QImage::Format_Mono);
    image.setColor(0, qRgb(255, 255, 255));
    image.setColor(1, qRgb(0, 0, 0));
    image.fill(0);
    for (int y = 0; y < width; ++y) {
        for (int x = 0; x < width; ++x) {
            if (!(code->data[y * width + x] & 1))
                continue;
            for (int dy = 0; dy < moduleSize; ++dy) {
                for (int dx = 0; dx < moduleSize; ++dx)
                    image.setPixel((x + quiet) * moduleSize + dx, (y + quiet) * moduleSize + dy, 1);
            }
        }
    }
    return image;
}

}  // namespace motcua::ui::print
