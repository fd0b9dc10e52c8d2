-- Waits for the server's diagnostics on the current buffer, writes them as JSON to $IC_OUT
-- (or prints them), and quits. Run after init.lua: nvim --headless -u init.lua FILE -c 'luafile check.lua'
local bufnr = vim.api.nvim_get_current_buf()
local got = vim.wait(15000, function() return #vim.diagnostic.get(bufnr) > 0 end, 100)
local out = {}
for _, d in ipairs(vim.diagnostic.get(bufnr)) do
  table.insert(out, { lnum = d.lnum, col = d.col, severity = d.severity, code = d.code, source = d.source, message = d.message })
end
local json = vim.fn.json_encode({ received = got, diagnostics = out })
if vim.env.IC_OUT then vim.fn.writefile({ json }, vim.env.IC_OUT) else print(json) end
vim.cmd('qa!')
