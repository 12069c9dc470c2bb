"""Small widgets every room shares: buttons, icons, QR codes, overlays."""
