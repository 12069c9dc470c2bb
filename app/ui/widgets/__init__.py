"""Small widgets every room shares: buttons, labels, icons, QR codes, overlays."""
