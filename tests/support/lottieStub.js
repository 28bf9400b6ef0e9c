// NutUI's full build imports lottie, which needs a real canvas; no page here animates with it.
module.exports = { __esModule: true, default: () => null, useLottie: () => ({ View: null }) };
