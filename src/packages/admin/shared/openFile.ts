import Taro from '@tarojs/taro';

/** Opens a stored file by its signed URL: WeChat's document viewer on weapp, a new tab on H5. */
export async function openFile(url: string, fileType: 'xlsx' | 'pdf'): Promise<void> {
  if (process.env.TARO_ENV === 'h5') {
    window.open(url, '_blank');
    return;
  }
  const { tempFilePath, statusCode } = await Taro.downloadFile({ url });
  if (statusCode !== 200) throw new Error('下载失败，请稍后重试');
  await Taro.openDocument({ filePath: tempFilePath, fileType, showMenu: true });
}
