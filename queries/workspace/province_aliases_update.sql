update provinces
set aliases = $aliases
where code = $code
