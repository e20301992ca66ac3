<?php
/**
 * What WordPress does with a link an editor pastes, run by WordPress's own
 * code: `WP_oEmbed::get_html()` finds the page's discovery link, fetches the
 * oEmbed document and passes its html through `wp_filter_oembed_result` (the
 * sanitiser for providers it does not trust) and
 * `wp_filter_oembed_iframe_title_attribute`, as `default-filters.php` hooks
 * them. Prints the html WordPress would put in the post, or fails.
 *
 *   php end2end/wordpress/paste.php <wordpress dir> <pasted url> [<from origin>=<to origin>]
 *
 * <wordpress dir> is the `usr/share/wordpress` of Debian's `wordpress`
 * package, unpacked, not installed (scripts/setup.sh --browser puts it in
 * target/wordpress/). Only what a running site would give is written here:
 * its address, its random secret, one option and the HTTP call (read with
 * PHP's streams; the optional rewrite lets the build's public origin stand
 * for the test server, as DNS would).
 */

error_reporting(E_ALL);
set_error_handler(function ($severity, $message, $file, $line) {
    throw new ErrorException($message, 0, $severity, $file, $line);
});

[, $wordpress, $pasted] = $argv + [null, null, null];
$rewrite = isset($argv[3]) ? explode('=', $argv[3], 2) : null;
if (!$wordpress || !$pasted || !is_file("$wordpress/wp-includes/class-wp-oembed.php")) {
    fwrite(STDERR, "usage: php paste.php <wordpress dir> <url> [<from>=<to>]\n");
    exit(2);
}

define('ABSPATH', rtrim($wordpress, '/') . '/');
define('WPINC', 'wp-includes');

/** The WordPress site's own address (a newsroom's, not the app's). */
function home_url($path = '', $scheme = null)
{
    return 'https://news.example/' . ltrim($path, '/');
}

/** WordPress's secret for an embed: letters and digits only when $special is false. */
function wp_generate_password($length = 12, $special_chars = true, $extra_special_chars = false)
{
    $chars = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
    $password = '';
    for ($i = 0; $i < $length; $i++) {
        $password .= $chars[random_int(0, strlen($chars) - 1)];
    }
    return $password;
}

/** The HTTP call, honouring the size limit WordPress asks for (150 KB for discovery). */
function wp_safe_remote_get($url, $args = array())
{
    global $rewrite;
    if ($rewrite && str_starts_with($url, $rewrite[0])) {
        $url = $rewrite[1] . substr($url, strlen($rewrite[0]));
    }
    $context = stream_context_create(array('http' => array('ignore_errors' => true, 'timeout' => 10)));
    $limit = $args['limit_response_size'] ?? null;
    try {
        $body = $limit
            ? file_get_contents($url, false, $context, 0, $limit)
            : file_get_contents($url, false, $context);
    } catch (ErrorException $e) {
        return new WP_Error('http_request_failed', $e->getMessage());
    }
    preg_match('{^HTTP/\S+ (\d+)}', $http_response_header[0] ?? '', $status);
    return array('body' => $body, 'response' => array('code' => (int) ($status[1] ?? 0)));
}

function wp_remote_retrieve_body($response)
{
    return is_array($response) ? $response['body'] : '';
}

function wp_remote_retrieve_response_code($response)
{
    return is_array($response) ? $response['response']['code'] : '';
}

foreach (array(
    'class-wp-error.php', 'class-wp-list-util.php', 'plugin.php', 'load.php', 'functions.php',
    'formatting.php', 'kses.php', 'shortcodes.php', 'embed.php', 'class-wp-oembed.php',
) as $file) {
    require ABSPATH . WPINC . "/$file";
}

add_filter('pre_option_blog_charset', fn () => 'UTF-8');
// As wp-includes/default-filters.php hooks them.
add_filter('oembed_dataparse', 'wp_filter_oembed_iframe_title_attribute', 5, 3);
add_filter('oembed_dataparse', 'wp_filter_oembed_result', 10, 3);

$html = _wp_oembed_get_object()->get_html($pasted, array('discover' => true));
if (!$html) {
    fwrite(STDERR, "WordPress found no embed for $pasted\n");
    exit(1);
}
echo $html, "\n";
