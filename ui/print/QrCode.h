// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QImage>

namespace motcua::ui::print {

// A QR code (libqrencode, error correction level M, 8-bit mode, a 4-module quiet zone) as a black-on-white
// image with `moduleSize` pixels per module. Null when the text is too long for a QR code.
QImage qrCodeImage(const QByteArray &text, int moduleSize);

}  // namespace motcua::ui::print
